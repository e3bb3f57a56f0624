import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from './open.ts';
import { removeDir, preparedDataDir } from './test-support.ts';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/** Runs the child, kills it with SIGKILL the moment it prints OK, and resolves once it is dead. */
function acceptThenKill(args: string[]): Promise<{ signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('OK\n')) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ signal, stdout });
      else reject(new Error(`child exited with ${code} before OK: ${stderr}`));
    });
  });
}

describe('embedded store durability', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map(removeDir));
  });

  it('keeps a send answered OK when the process is killed right after (SIGKILL)', async () => {
    const dir = await preparedDataDir();
    dirs.push(dir);
    const senderId = '6740d1c2a1b2c3d4e5f6a0b1';
    const receivers = ['8f2b1c3e-1111-4a2b-9c3d-000000000001', '8f2b1c3e-2222-4a2b-9c3d-000000000002'];

    const { signal, stdout } = await acceptThenKill([dir, senderId, ...receivers]);
    expect(signal).toBe('SIGKILL');
    expect(stdout).toBe('OK\n');

    const store = await openEmbeddedStore(dir);
    try {
      const packet = await store.getPacket(senderId);
      expect(new TextDecoder().decode(packet?.bytes)).toBe(`<edXML>gói tin ${senderId}</edXML>`);
      const deliveries = await store.listDeliveries({ senderId });
      expect(deliveries.map((d) => d.receiverId)).toEqual(receivers);
      expect(await store.listDeliveries({ recipientSystem: '000.02.01.G99', messageType: 'edoc', states: ['initial'] })).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});

// End to end: `truc serve` on an embedded data folder answers a sendEdoc OK, is killed with SIGKILL
// at once, and after a restart on the same folder the recipient still finds the packet.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AxisClient } from '../../client/client.ts';
import { NGHE_AN, TAY_NINH, edocBytes } from '../../testing/fixtures.ts';
import { removeDir, preparedDataDir } from './test-support.ts';

const TRUC = fileURLToPath(new URL('../../../bin/truc.js', import.meta.url));

interface Server {
  child: ChildProcessWithoutNullStreams;
  baseUrl: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `truc serve` on a free port and resolves once it prints where it listens. */
function serve(dataDir: string): Promise<Server> {
  const args = ['serve', '--data', dataDir, '--port', '0', '--host', '127.0.0.1'];
  for (const s of [NGHE_AN, TAY_NINH]) args.push('--system', `${s.systemId}=${s.secret}`);
  const child = spawn(process.execPath, [TRUC, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      // The banner's base URL has no trailing slash; the line is complete once its newline came.
      const url = /simulated axis: (http:\/\/127\.0\.0\.1:\d+\S*)\n/.exec(stdout)?.[1];
      if (url) resolve({ child, baseUrl: url, exited });
    });
    void exited.then(({ code, signal }) => reject(new Error(`truc serve ended (${code ?? signal}) before listening: ${stderr}`)));
  });
}

describe('truc serve durability (embedded store)', () => {
  const dirs: string[] = [];
  const running: Server[] = [];
  afterAll(async () => {
    for (const server of running) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await Promise.all(running.map((s) => s.exited));
    await Promise.all(dirs.map(removeDir));
  });

  it('still delivers a packet answered OK after the server is killed hard and restarted', async () => {
    const dataDir = await preparedDataDir();
    dirs.push(dataDir);

    const first = await serve(dataDir);
    running.push(first);
    const packet = edocBytes();
    const sender = new AxisClient({ baseUrl: first.baseUrl, ...NGHE_AN });
    const reply = await sender.sendEdoc(packet);
    first.child.kill('SIGKILL');
    expect(reply).toMatchObject({ status: 'OK', ErrorCode: '0' });
    expect(reply.DocId).toMatch(/^[0-9a-f]{24}$/);
    expect((await first.exited).signal).toBe('SIGKILL');

    const second = await serve(dataDir);
    running.push(second);
    const recipient = new AxisClient({ baseUrl: second.baseUrl, ...TAY_NINH });
    const inbox = await recipient.getReceivedEdocList();
    expect(inbox.status).toBe('OK');
    expect(inbox.data).toHaveLength(1);
    const fetched = await recipient.getEdoc(inbox.data[0].docId);
    expect(fetched.status).toBe('OK');
    expect(Buffer.from(fetched.data, 'base64').equals(Buffer.from(packet))).toBe(true);
    const sent = await new AxisClient({ baseUrl: second.baseUrl, ...NGHE_AN }).getSentEdocList(reply.DocId);
    expect(sent.data.map((row) => row.receiverDocId)).toEqual([inbox.data[0].docId]);

    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });
});

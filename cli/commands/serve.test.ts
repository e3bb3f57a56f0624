// `truc serve` end to end, as a separate process: a packet answered OK survives a hard kill
// (SIGKILL right after the reply) and is delivered after a restart on the same data folder;
// SIGTERM stops the server cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AxisClient } from '../../simulator/client/client.ts';
import { NGHE_AN, TAY_NINH, edocBytes } from '../../simulator/testing/fixtures.ts';

const BIN = fileURLToPath(new URL('../../bin/truc.js', import.meta.url));

interface Served {
  child: ChildProcess;
  origin: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `truc serve` and resolves once it prints where it listens. */
function serve(args: string[]): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
    const onData = (chunk: string) => {
      out += chunk;
      const match = /simulated axis: (http:\/\/[^/\s]+)\n/.exec(out);
      if (match) resolve({ child, origin: match[1], output: () => out, exited });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    exited.then(({ code }) => reject(new Error(`truc serve exited (${code}) before listening: ${out}`)));
  });
}

describe('truc serve', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('delivers a packet answered OK after a hard kill and a restart on the same data', async () => {
    const data = await mkdtemp(join(tmpdir(), 'truc-serve-'));
    dirs.push(data);
    const args = ['--data', data, '--system', `${NGHE_AN.systemId}=${NGHE_AN.secret}`, '--system', `${TAY_NINH.systemId}=${TAY_NINH.secret}`];
    const first = await serve(args);
    const packet = edocBytes();
    const sent = await new AxisClient({ baseUrl: first.origin, ...NGHE_AN }).sendEdoc(packet);
    expect(sent.status).toBe('OK');
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const second = await serve(args);
    try {
      const receiver = new AxisClient({ baseUrl: second.origin, ...TAY_NINH });
      const [item] = (await receiver.getReceivedEdocList()).data;
      expect(item).toBeDefined();
      const fetched = await receiver.getEdoc(item.docId);
      expect(Buffer.from(fetched.data, 'base64').equals(Buffer.from(packet))).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 180_000);

  it('prints the control token and the demo systems, and stops cleanly on SIGTERM', async () => {
    const served = await serve(['--memory', '--pki', join(await mkdtemp(join(tmpdir(), 'truc-pki-')), 'pki'), '--control-token', 'tok-0123456789abcdef']);
    expect(served.output()).toContain('Bearer tok-0123456789abcdef');
    expect(served.output()).toContain('000.00.00.H41 = demo-nghean-h41');
    const demo = new AxisClient({ baseUrl: served.origin, systemId: '000.00.00.H41', secret: 'demo-nghean-h41' });
    expect((await demo.countReceiveEdoc()).status).toBe('OK');
    served.child.kill('SIGTERM');
    const { code } = await served.exited;
    expect(code).toBe(0);
    expect(served.output()).toContain('stopped (SIGTERM)');
  });

  it('reports an unreadable config file as SERVE-CONFIG, exit code 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'truc-config-'));
    dirs.push(dir);
    await writeFile(join(dir, 'bad.json'), '{"port": ');
    const child = spawn(process.execPath, [BIN, 'serve', '--config', join(dir, 'bad.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(2);
    expect(err).toContain('[SERVE-CONFIG]');
  });

  it('refuses a malformed --system with a bilingual error and exit code 2', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--memory', '--system', 'no-secret'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(2);
    expect(err).toContain('[SERVE-SYSTEM]');
  });
});

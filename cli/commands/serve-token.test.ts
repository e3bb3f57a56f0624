// `truc serve` refuses a control token that would open every system's secret: empty (on the
// command line or as "" in --config) or short. Exit code 2, one bilingual sentence, nothing served.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/truc.js', import.meta.url));

async function serve(args: string[]): Promise<{ code: number | null; err: string; out: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--memory', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let out = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    out += c;
    // Started after all: stop it so the test reports the failure instead of hanging.
    if (out.includes('control API')) child.kill('SIGTERM');
  });
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  return { code, err, out };
}

describe('truc serve control token', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it.each([
    ['empty', ['--control-token', '']],
    ['blank', ['--control-token', '   ']],
    ['short', ['--control-token', 'short-token']],
  ])('refuses the %s --control-token with exit 2', async (_what, args) => {
    const { code, err, out } = await serve(args);
    expect(code).toBe(2);
    expect(err).toMatch(/\[SERVE-CONTROL-TOKEN\] Mã API điều khiển .+ \/ The control API token is/);
    expect(out).not.toContain('control API');
  });

  it('refuses "" as control-token in --config with exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'truc-token-'));
    dirs.push(dir);
    await writeFile(join(dir, 'c.json'), JSON.stringify({ 'control-token': '' }));
    const { code, err } = await serve(['--config', join(dir, 'c.json')]);
    expect(code).toBe(2);
    expect(err).toContain('[SERVE-CONTROL-TOKEN]');
  });
});

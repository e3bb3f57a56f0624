// End to end over loopback, as a vendor would run it: `truc certify --serve` starts the reference
// agency as a separate process (`--sut-cmd "truc reference-agency …"`), triggers it through its
// webhook, and the core profile comes out conformant.
import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceSigning } from '../../conformance/reference/signing.ts';
import { REFERENCE_SUT } from '../../conformance/run-suite.ts';
import { openPkiFolder } from '../../simulator/pki-folder.ts';

const TRUC = join(import.meta.dirname, '..', '..', 'bin', 'truc.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function truc(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TRUC, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'truc-reference-e2e-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('truc certify --serve --sut-cmd "truc reference-agency" --driver webhook', () => {
  it('certifies the standalone reference agency conformant on the core profile', async () => {
    const pkiDir = join(work, 'pki');
    // The agency's keys are issued before the run, as a vendor does with `truc pki issue`.
    await referenceSigning(await openPkiFolder(pkiDir, { create: true }), REFERENCE_SUT.code, REFERENCE_SUT.name);
    const port = await freePort();
    const out = join(work, 'run');
    const sutCmd = `"${process.execPath}" "${TRUC}" reference-agency --pki "${pkiDir}" --webhook-port ${port} --webhook-token e2e-token`;
    const result = await truc([
      'certify',
      '--serve',
      '--port', '0',
      '--sut-code', REFERENCE_SUT.code,
      '--pki', pkiDir,
      '--sut-cmd', sutCmd,
      '--driver', `webhook:http://127.0.0.1:${port}/trigger`,
      '--webhook-token', 'e2e-token',
      '--timing', 'ci',
      // The SUT process compiles its sources at start; the first documents may wait for that.
      '--response-seconds', '10',
      '--profile', 'core',
      '--out', out,
    ]);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as { verdict: string; cases: { id: string; result: string }[] };
    expect(report.cases.filter((c) => c.result !== 'pass')).toEqual([]);
    expect({ code: result.code, verdict: report.verdict }).toEqual({ code: 0, verdict: 'conformant' });
    expect(result.output).toContain('[sut] truc: cơ quan mẫu / reference agency 000.00.00.H41');
  }, 120_000);

  it('refuses to start without the TRUC_* environment, with a coded bilingual sentence', async () => {
    const result = await truc(['reference-agency', '--pki', join(work, 'pki')]);
    expect(result.code).toBe(2);
    expect(result.output).toContain('[REF-ENV]');
    expect(result.output).toContain('TRUC_AXIS_URL');
  });
});

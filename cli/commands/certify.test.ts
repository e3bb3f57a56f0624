import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchemaErrors } from '../../conformance/report/schema.ts';
import { createAxis } from '../../simulator/axis.ts';
import { startServer } from '../../simulator/server.ts';
import { exitCodeOf } from '../../conformance/verdict.ts';
import { truc } from '../testing/run-cli.ts';

let work: string;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'truc-certify-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('truc certify', () => {
  it('exits 2 with a coded sentence on configuration errors', async () => {
    const base = ['certify', '--sut-code', '000.00.00.H41', '--pki', join(work, 'pki')];
    expect(await truc(...base)).toMatchObject({ code: 2, err: expect.stringContaining('CERTIFY-AXIS') });
    expect(await truc(...base, '--serve', '--axis', 'http://127.0.0.1:9/')).toMatchObject({ code: 2, err: expect.stringContaining('CERTIFY-AXIS') });
    expect(await truc(...base, '--serve', '--profile', 'everything')).toMatchObject({ code: 2, err: expect.stringContaining('CERTIFY-PROFILE') });
    expect(await truc(...base, '--serve', '--timing', 'fast')).toMatchObject({ code: 2, err: expect.stringContaining('CONF-TIMING') });
    expect(await truc(...base, '--serve', '--driver', 'carrier-pigeon')).toMatchObject({ code: 2, err: expect.stringContaining('CONF-DRIVER') });
    expect(await truc(...base, '--serve', '--certifier-key', 'x.p12')).toMatchObject({ code: 2, err: expect.stringContaining('CERTIFY-CERTIFIER') });
    expect(await truc(...base, '--serve', '--out', join(work, '..'))).toMatchObject({ code: 2, err: expect.stringContaining('CONF-OUTPUT-EXISTS') });
    expect(await truc(...base, '--serve', '--certifier-key', 'x.p12', '--certifier-password', 'x')).toMatchObject({
      code: 2,
      err: expect.stringContaining('CERTIFY-SUT-IDENTITY'),
    });
    expect(await truc(...base, '--serve', '--junit-warn-as', 'maybe')).toMatchObject({ code: 2, err: expect.stringContaining('CERTIFY-JUNIT-WARN') });
  });

  it('a SUT command that cannot start (exit 127) is a configuration error: exit 2, one sentence, no verdict, no folder', async () => {
    const out = join(work, 'never');
    const result = await truc(
      ...['certify', '--serve', '--port', '0', '--sut-code', '000.00.00.H41', '--pki', join(work, 'pki'), '--out', out, '--timing', 'ci'],
      ...['--driver', 'command:exit 1', '--sut-cmd', 'truc-no-such-program-xyz'],
    );
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/\[CERTIFY-SUT-EXITED\] .*\(127\).* \/ The --sut-cmd command ended \(127\) before calling the axis; no verdict/);
    expect(result.out).not.toContain('Verdict');
    expect(existsSync(join(out, 'certificate.json'))).toBe(false);
  });

  it('an unreachable axis is a configuration error: exit 2, no verdict', async () => {
    const result = await truc(
      ...['certify', '--axis', 'http://127.0.0.1:9/', '--control-url', 'http://127.0.0.1:9/_truc/v1', '--control-token', 't'],
      ...['--sut-code', '000.00.00.H41', '--pki', join(work, 'pki'), '--out', join(work, 'never2')],
    );
    expect(result).toMatchObject({ code: 2, err: expect.stringContaining('CERTIFY-AXIS-UNREACHABLE') });
    expect(existsSync(join(work, 'never2', 'certificate.json'))).toBe(false);
  });

  it('serves the axis, starts the SUT with its environment, runs, writes a verifiable folder, stops the SUT', async () => {
    const out = join(work, 'run');
    const envFile = join(work, 'env.txt');
    const pidFile = join(work, 'sut.pid');
    const result = await truc(
      'certify',
      '--serve',
      '--port',
      '0',
      '--sut-code',
      '000.00.00.H41',
      '--secret',
      'chosen-secret',
      '--profile',
      'business',
      '--timing',
      'ci',
      '--response-seconds',
      '1',
      '--settle-seconds',
      '0.1',
      '--pki',
      join(work, 'pki'),
      '--out',
      out,
      '--junit',
      join(work, 'copy.xml'),
      '--driver',
      'command:exit 1',
      '--sut-software',
      'QLVB',
      '--sut-version',
      '9.9',
      '--sut-cmd',
      `echo $$ > ${pidFile}; env | grep ^TRUC_ | sort > ${envFile}; exec sleep 60`,
    );
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(result.code).toBe(exitCodeOf(report.verdict));
    expect(report.sut).toEqual({ code: '000.00.00.H41', name: expect.any(String), software: 'QLVB', version: '9.9', build: null });
    expect(report.cases.map((c: { id: string }) => c.id)).toEqual(['B-01', 'B-02', 'B-03', 'B-04', 'B-05', 'B-06']);
    expect(report.timing).toEqual({ profile: 'ci', responseSeconds: 1, settleSeconds: 0.1 });
    expect(result.out).toContain('secret: chosen-secret');
    expect(result.out).toContain(join(out, 'report.html'));
    expect(existsSync(join(work, 'copy.xml'))).toBe(true);

    const env = (await readFile(envFile, 'utf8')).trim().split('\n');
    expect(env.map((l) => l.split('=')[0])).toEqual(['TRUC_AXIS_URL', 'TRUC_CRL_PEM', 'TRUC_SECRET', 'TRUC_SYSTEM_ID', 'TRUC_TRUST_PEM']);
    expect(env).toContain('TRUC_SECRET=chosen-secret');
    expect(alive(Number(await readFile(pidFile, 'utf8')))).toBe(false);

    // Signed under the test PKI the vendor holds: intact, but a self-test, never a certification.
    const verified = await truc('verify', out, '--trust', join(work, 'pki', 'root.cert.pem'));
    expect(verified.code).toBe(4);
    expect(verified.out).toContain('self-test: signed by a key the tested party can hold');
    expect(report.signer.kind).toBe('self-test');

    // Re-run only what failed: same profile and SUT, read from the folder.
    const failed = report.cases.filter((c: { result: string }) => c.result === 'fail' || c.result === 'error').map((c: { id: string }) => c.id);
    expect(failed.length).toBeGreaterThan(0);
    const again = join(work, 'rerun');
    const rerun = await truc(
      ...['certify', '--serve', '--port', '0', '--rerun-failed', out, '--timing', 'ci', '--response-seconds', '1', '--settle-seconds', '0.1'],
      ...['--pki', join(work, 'pki'), '--out', again, '--driver', 'command:exit 1'],
    );
    const second = JSON.parse(await readFile(join(again, 'report.json'), 'utf8'));
    expect(rerun.code).toBe(exitCodeOf(second.verdict));
    expect(second.cases.map((c: { id: string }) => c.id)).toEqual(failed);
    expect(second).toMatchObject({ rerunOf: report.runId, profile: 'business', sut: { code: '000.00.00.H41' } });
    expect(second.verdict).not.toBe('conformant');
  });

  it('runs against a simulator already running, through its control API', async () => {
    const axis = await createAxis({ systems: [{ systemId: '000.00.00.H53', secret: 'sandbox-secret' }] });
    const server = await startServer(axis.app, { host: '127.0.0.1', port: 0 });
    try {
      const out = join(work, 'remote-run');
      const result = await truc(
        'certify',
        '--axis',
        `${server.origin}/`,
        '--control-url',
        `${server.origin}${axis.controlPrefix}`,
        '--control-token',
        axis.controlToken,
        '--sut-code',
        '000.00.00.H53',
        '--profile',
        'business',
        '--timing',
        'ci',
        '--response-seconds',
        '0.5',
        '--settle-seconds',
        '0.1',
        '--pki',
        join(work, 'pki'),
        '--out',
        out,
        '--driver',
        'command:exit 1',
        '--skip',
        'B-01',
      );
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
      expect(result.code).toBe(exitCodeOf(report.verdict));
      expect(result.out).toContain('secret: sandbox-secret');
      // Given with a trailing slash, handed over without one (the Java SDK would call //operation).
      expect(result.out).toContain(`axis: ${server.origin}\n`);
      expect(report.cases[0]).toMatchObject({ id: 'B-01', result: 'skip', message: { en: 'operator skipped' } });
      expect(report.verdict).not.toBe('conformant');
      expect(await axis.core.store.findAgency('000.00.00.H53')).toBeDefined();
      const journal = (await readFile(join(out, 'journal.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
      const exchanges = journal.filter((l: { type: string }) => l.type === 'exchange');
      expect(exchanges.length).toBeGreaterThan(0);
      expect(new Set(exchanges.map((l: { run?: string }) => l.run)).size).toBe(1);
      expect((await truc('verify', out)).code).toBe(3);
      // Recorded in the sandbox's store, for its console: the final record, without the journal.
      const stored = await axis.core.store.getRun(report.runId);
      expect(stored).toMatchObject({ sutCode: '000.00.00.H53', profile: 'business', status: 'finished', verdict: report.verdict });
      const data = stored!.data as { cases: { id: string; state: string }[]; record: { cases: unknown[]; journal?: unknown } };
      expect(data.cases.map((c) => [c.id, c.state])).toEqual(report.cases.map((c: { id: string; result: string }) => [c.id, c.result]));
      expect(data.record.cases).toHaveLength(6);
      expect(data.record.journal).toBeUndefined();
    } finally {
      await server.close();
      await axis.close();
    }
  });
});

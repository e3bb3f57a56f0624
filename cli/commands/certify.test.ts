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
    expect(report.sut).toEqual({ code: '000.00.00.H41', name: expect.any(String), software: 'QLVB', version: '9.9' });
    expect(report.cases.map((c: { id: string }) => c.id)).toEqual(['B-01', 'B-02', 'B-03', 'B-04', 'B-05', 'B-06']);
    expect(report.timing).toEqual({ profile: 'ci', responseSeconds: 1, settleSeconds: 0.1 });
    expect(result.out).toContain('secret: chosen-secret');
    expect(result.out).toContain(join(out, 'report.html'));
    expect(existsSync(join(work, 'copy.xml'))).toBe(true);

    const env = (await readFile(envFile, 'utf8')).trim().split('\n');
    expect(env.map((l) => l.split('=')[0])).toEqual(['TRUC_AXIS_URL', 'TRUC_CRL_PEM', 'TRUC_SECRET', 'TRUC_SYSTEM_ID', 'TRUC_TRUST_PEM']);
    expect(env).toContain('TRUC_SECRET=chosen-secret');
    expect(alive(Number(await readFile(pidFile, 'utf8')))).toBe(false);

    const verified = await truc('verify', out, '--trust', join(work, 'pki', 'root.cert.pem'));
    expect(verified.code).toBe(0);
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
      expect((await truc('verify', out)).code).toBe(0);
    } finally {
      await server.close();
      await axis.close();
    }
  });
});

import { appendFile, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki } from '../../edxml/signatures/pki.ts';
import { certifierFromTestPki, issueCertifierFromCa, type Certifier, type IssuingCa } from '../../conformance/report/certifier.ts';
import { applyOverride } from '../../conformance/review.ts';
import { writeRunOutputs } from '../../conformance/report/write-run-outputs.ts';
import type { RunRecord } from '../../conformance/run-record.ts';
import { sampleRun } from '../../conformance/testing/sample-run.ts';
import { makeTestCa } from '../../conformance/testing/test-ca.ts';
import { truc } from '../testing/run-cli.ts';

let work: string;
let run: RunRecord;
let ca: IssuingCa;
let certifier: Certifier;
let n = 0;

const newRun = async () => (await writeRunOutputs(join(work, `run-${++n}`), run, { certifier })).dir;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'truc-verify-'));
  run = await sampleRun();
  ca = makeTestCa('truc test root');
  certifier = issueCertifierFromCa(ca);
  await writeFile(join(work, 'root.pem'), ca.certificatePem);
  await writeFile(join(work, 'other.pem'), makeTestCa('other root').certificatePem);
  await writeFile(join(work, 'garbage.pem'), 'not a certificate');
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('truc verify', () => {
  it('without --trust: integrity only, exit 3, never trusted; with the certifier root: certified, exit 0', async () => {
    const dir = await newRun();
    const plain = await truc('verify', dir);
    expect(plain.code).toBe(3);
    expect(plain.out).toContain('Intact: 4');
    expect(plain.out).toContain('Signer not checked');
    expect(plain.out).not.toMatch(/trusted|Certified/i);
    const trusted = await truc('verify', dir, '--trust', join(work, 'root.pem'));
    expect(trusted).toMatchObject({ code: 0 });
    expect(trusted.out).toContain('Certified: an independent certifier');
    expect(trusted.out).toContain('CN=truc certifier');
  });

  it('a run signed under the test PKI is a self-test: marked without --trust, exit 4 with its root', async () => {
    const pki = createTestPki();
    await writeFile(join(work, 'test-root.pem'), pki.root.certificatePem);
    const dir = (await writeRunOutputs(join(work, `run-${++n}`), run, { certifier: certifierFromTestPki(pki) })).dir;
    const plain = await truc('verify', dir);
    expect(plain.code).toBe(3);
    expect(plain.out).toContain('self-test: signed by a key the tested party can hold');
    const withRoot = await truc('verify', dir, '--trust', join(work, 'test-root.pem'));
    expect(withRoot.code).toBe(4);
    expect(withRoot.out).toContain('Not a certification');
    expect(withRoot.out).not.toContain('Certified');
  });

  it('prints the review trail the certificate carries', async () => {
    const reviewed = applyOverride(run, { caseId: 'B-02', to: 'pass', reviewer: 'Nguyễn Văn A', justification: 'Retried on the axis request; see #1.' });
    const dir = (await writeRunOutputs(join(work, `run-${++n}`), reviewed, { certifier })).dir;
    const { out } = await truc('verify', dir);
    expect(out).toContain('Override: B-02 fail → pass · Nguyễn Văn A');
    expect(out).toContain('Retried on the axis request; see #1.');
  });

  it('exits 1 naming each changed, missing and extra file', async () => {
    const dir = await newRun();
    await appendFile(join(dir, 'report.html'), '<!-- edited -->');
    await unlink(join(dir, 'journal.jsonl'));
    await writeFile(join(dir, 'extra.pdf'), 'x');
    const { code, out } = await truc('verify', dir);
    expect(code).toBe(1);
    expect(out.trimEnd().split('\n')).toEqual([
      '✗ [VERIFY-FILE-CHANGED] Tệp report.html đã bị thay đổi / report.html has changed',
      '✗ [VERIFY-FILE-MISSING] Thiếu tệp journal.jsonl / journal.jsonl is missing',
      '✗ [VERIFY-FILE-EXTRA] Tệp extra.pdf không có trong chứng nhận / extra.pdf is not in the certificate',
    ]);
  });

  it('exits 1 when the certifier does not chain to the given root', async () => {
    const { code, out } = await truc('verify', await newRun(), '--trust', join(work, 'other.pem'));
    expect(code).toBe(1);
    expect(out).toContain('VERIFY-UNTRUSTED');
  });

  it('exits 2 on usage errors: no folder, missing folder, unreadable or invalid trust file', async () => {
    expect((await truc('verify')).code).toBe(2);
    const missing = await truc('verify', join(work, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('VERIFY-NO-FOLDER');
    const dir = await newRun();
    expect((await truc('verify', dir, '--trust', join(work, 'absent.pem'))).err).toContain('VERIFY-TRUST-UNREADABLE');
    const garbage = await truc('verify', dir, '--trust', join(work, 'garbage.pem'));
    expect(garbage.code).toBe(2);
    expect(garbage.err).toContain('VERIFY-TRUST-INVALID');
  });
});

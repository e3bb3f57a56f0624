import { constants, verify, X509Certificate } from 'node:crypto';
import { appendFile, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../run-record.ts';
import { makeTestCa } from '../testing/test-ca.ts';
import { sampleRun } from '../testing/sample-run.ts';
import { signatureVerifies, signManifest, type RunCertificate } from './certificate.ts';
import { createTestPki } from '../../edxml/signatures/pki.ts';
import { CertifierError, certifierFromTestPki, issueCertifierFromCa, loadCertifierP12, type Certifier, type IssuingCa } from './certifier.ts';
import { parsePemCertificates, verifyRunFolder } from './verify-run.ts';
import { OutputError, writeRunOutputs } from './write-run-outputs.ts';

let run: RunRecord;
let ca: IssuingCa;
let certifier: Certifier;
let work: string;
let folder = 0;
const fresh = () => join(work, `run-${++folder}`);

beforeAll(async () => {
  run = await sampleRun();
  ca = makeTestCa('truc test root');
  certifier = issueCertifierFromCa(ca);
  work = await mkdtemp(join(tmpdir(), 'truc-cert-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('certificate.json', () => {
  it('signs the RFC 8785 bytes of the manifest with RSA-PSS SHA-256, salt 32, chain certifier first', async () => {
    const out = await writeRunOutputs(fresh(), run, { certifier });
    const certificate = JSON.parse(await readFile(join(out.dir, 'certificate.json'), 'utf8')) as RunCertificate;
    expect(Object.keys(certificate.manifest).sort()).toEqual(
      ['files', 'verdict', 'sut', 'profile', 'timing', 'suiteVersion', 'startedAt', 'finishedAt', 'signer', 'overrides'].sort(),
    );
    expect(certificate.manifest.sut).toMatchObject({ software: 'QLVB "Sample" <v>', version: '1.2', build: null });
    expect(certificate.manifest.signer).toMatchObject({ kind: 'certifier' });
    expect(Object.keys(certificate.manifest.files)).toEqual(['report.json', 'report.html', 'junit.xml', 'journal.jsonl']);
    expect(certificate.manifest.verdict).toBe('not-conformant');
    expect(certificate.signature.alg).toBe('RSA-PSS-SHA256');
    const [leaf, root] = certificate.signature.chain.map((b64) => new X509Certificate(Buffer.from(b64, 'base64')));
    expect(leaf.subject).toContain('CN=truc certifier');
    expect(leaf.checkIssued(root)).toBe(true);
    const bytes = Buffer.from(canonicalize(certificate.manifest)!, 'utf8');
    const sig = Buffer.from(certificate.signature.value, 'base64');
    const pss = (saltLength: number) => ({ key: leaf.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength });
    expect(verify('sha256', bytes, pss(32), sig)).toBe(true);
    expect(verify('sha256', bytes, pss(20), sig)).toBe(false);
    expect(signatureVerifies(certificate)).toBe(true);
    expect(signatureVerifies({ ...certificate, manifest: { ...certificate.manifest, verdict: 'conformant' } })).toBe(false);
  });

  it('refuses to write into a folder that already holds files', async () => {
    const dir = fresh();
    await writeRunOutputs(dir, run, { certifier });
    await expect(writeRunOutputs(dir, run, { certifier })).rejects.toBeInstanceOf(OutputError);
  });

  it('loads a certifier from PKCS#12 and refuses a wrong password with a stable error', () => {
    const key = forge.pki.privateKeyFromPem(certifier.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const certs = certifier.chain.map((der) => forge.pki.certificateFromAsn1(forge.asn1.fromDer(Buffer.from(der).toString('binary'))));
    // Root first in the bag: the loader must still put the key's own certificate first.
    const p12 = forge.pkcs12.toPkcs12Asn1(key, [certs[1], certs[0]], 'sesame', { algorithm: '3des' });
    const bytes = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
    const loaded = loadCertifierP12(bytes, 'sesame');
    expect(loaded.chain.map((d) => Buffer.from(d).toString('hex'))).toEqual(certifier.chain.map((d) => Buffer.from(d).toString('hex')));
    expect(() => loadCertifierP12(bytes, 'wrong')).toThrow(CertifierError);
    expect(() => loadCertifierP12(Buffer.from('not a p12'), 'x')).toThrow(CertifierError);
  });
});

describe('verifyRunFolder', () => {
  const codes = async (dir: string, trustRoots?: X509Certificate[]) =>
    (await verifyRunFolder(dir, { trustRoots })).problems.map((p) => `${p.code} ${p.file ?? ''}`.trim());

  it('accepts an intact folder, and with --trust only the root the certifier chains to', async () => {
    const { dir } = await writeRunOutputs(fresh(), run, { certifier });
    expect(await codes(dir)).toEqual([]);
    expect(await codes(dir, parsePemCertificates(ca.certificatePem))).toEqual([]);
    expect(await codes(dir, parsePemCertificates(makeTestCa('another root').certificatePem))).toEqual(['VERIFY-UNTRUSTED certificate.json']);
  });

  it('with the test PKI certifier, the folder chains to the PKI root (and not to its untrusted root)', async () => {
    const pki = createTestPki();
    const { dir, certificate } = await writeRunOutputs(fresh(), run, { certifier: certifierFromTestPki(pki) });
    expect(certificate.signature.chain).toHaveLength(3);
    expect(certificate.manifest.signer.kind).toBe('self-test');
    expect(await codes(dir, parsePemCertificates(pki.root.certificatePem))).toEqual([]);
    expect((await verifyRunFolder(dir, { trustRoots: parsePemCertificates(pki.root.certificatePem) })).trust).toBe('self-test');
    expect(await codes(dir, parsePemCertificates(pki.untrustedRoot.certificatePem))).toEqual(['VERIFY-UNTRUSTED certificate.json']);
  });

  it('a self-test run re-signed with a "certifier" claim under the test PKI stays a self-test', async () => {
    const pki = createTestPki();
    const forged = { ...issueCertifierFromCa({ certificatePem: pki.intermediate.certificatePem, privateKeyPem: pki.intermediate.privateKeyPem, chainPem: [pki.root.certificatePem] }), kind: 'certifier' as const };
    const { dir, certificate } = await writeRunOutputs(fresh(), run, { certifier: forged });
    const manifest = { ...certificate.manifest, signer: { ...certificate.manifest.signer, kind: 'certifier' as const } };
    await writeFile(join(dir, 'certificate.json'), JSON.stringify(signManifest(manifest, forged)));
    const result = await verifyRunFolder(dir, { trustRoots: parsePemCertificates(pki.root.certificatePem) });
    expect(result.problems).toEqual([]);
    expect(result.trust).toBe('self-test');
  });

  it('refuses to issue a certifier under a CA that is not valid now', () => {
    expect(() => issueCertifierFromCa(makeTestCa('old', 1), 'c', new Date(Date.now() + 10 * 86_400_000))).toThrow(CertifierError);
  });

  it('names each changed, missing and extra file', async () => {
    const { dir } = await writeRunOutputs(fresh(), run, { certifier });
    await appendFile(join(dir, 'report.json'), ' ');
    await unlink(join(dir, 'junit.xml'));
    await writeFile(join(dir, 'notes.txt'), 'added later');
    expect(await codes(dir)).toEqual(['VERIFY-FILE-CHANGED report.json', 'VERIFY-FILE-MISSING junit.xml', 'VERIFY-FILE-EXTRA notes.txt']);
  });

  it('detects a manifest edited after signing, and missing or garbled certificates', async () => {
    const { dir } = await writeRunOutputs(fresh(), run, { certifier });
    const path = join(dir, 'certificate.json');
    const certificate = JSON.parse(await readFile(path, 'utf8')) as RunCertificate;
    await writeFile(path, JSON.stringify({ ...certificate, manifest: { ...certificate.manifest, verdict: 'conformant' } }));
    expect(await codes(dir)).toEqual(['VERIFY-SIGNATURE certificate.json']);
    await writeFile(path, '{"manifest": {"files": {"../etc/passwd": "00"}}, "signature": {}}');
    expect(await codes(dir)).toEqual(['VERIFY-CERT-INVALID certificate.json']);
    await unlink(path);
    expect(await codes(dir)).toEqual(['VERIFY-CERT-MISSING certificate.json']);
  });
});

import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateFacts, validityAt } from './certificate-facts.ts';
import { pemToDer } from './pem.ts';
import { fromPkcs12, toPkcs12 } from './pki.ts';
import { seededPrng } from './seeded-prng.ts';
import { AGENCY, SIGNER_NAME, testPkiKit, type TestPkiKit } from './test-pki.ts';

let kit: TestPkiKit;
beforeAll(async () => {
  kit = await testPkiKit();
});

describe('test PKI hierarchy', () => {
  it('chains organisation certificates to the TEST root through the intermediate', () => {
    const root = new X509Certificate(kit.pki.root.certificatePem);
    const intermediate = new X509Certificate(kit.pki.intermediate.certificatePem);
    const leaf = new X509Certificate(kit.organisation().certificatePem);
    expect(root.subject).toContain('TEST');
    expect(intermediate.verify(root.publicKey)).toBe(true);
    expect(leaf.verify(intermediate.publicKey)).toBe(true);
    expect(leaf.verify(root.publicKey)).toBe(false);
    expect(kit.organisation().chainPem).toEqual([kit.pki.intermediate.certificatePem, kit.pki.root.certificatePem]);
  });

  it('writes the agency code as UID and Vietnamese names as UTF-8', () => {
    const org = certificateFacts(pemToDer(kit.organisation().certificatePem));
    expect(org.subject).toMatchObject({ CN: AGENCY.agencyName, O: AGENCY.agencyName, C: 'VN', UID: AGENCY.agencyCode });
    const person = certificateFacts(pemToDer(kit.personal().certificatePem));
    expect(person.subject.CN).toBe(SIGNER_NAME);
    expect(person.subject.O).toBe(AGENCY.agencyName);
    expect(person.subject.UID).toBeUndefined();
  });

  it('gives each variant its defect and nothing else', () => {
    const facts = (v: Parameters<TestPkiKit['organisation']>[0]) => certificateFacts(pemToDer(kit.organisation(v).certificatePem));
    const now = kit.pki.now;
    expect(validityAt(facts('valid'), now)).toBe('valid');
    expect(facts('valid').keyUsageOk).toBe(true);
    expect(validityAt(facts('expired'), now)).toBe('expired');
    expect(validityAt(facts('not-yet-valid'), now)).toBe('not-yet-valid');
    expect(facts('wrong-usage').keyUsageOk).toBe(false);
    expect(validityAt(facts('wrong-usage'), now)).toBe('valid');
    const untrusted = new X509Certificate(kit.organisation('untrusted').certificatePem);
    expect(untrusted.verify(new X509Certificate(kit.pki.untrustedRoot.certificatePem).publicKey)).toBe(true);
  });

  it('lists exactly the revoked certificates in a CRL signed by the intermediate', async () => {
    const crl = pkijs.CertificateRevocationList.fromBER(kit.crl);
    const serials = (crl.revokedCertificates ?? []).map((r) => Buffer.from(r.userCertificate.valueBlock.valueHexView).toString('hex'));
    expect(serials.sort()).toEqual([kit.organisation('revoked').serialHex, kit.personal('revoked').serialHex].sort());
    const issuer = pkijs.Certificate.fromBER(pemToDer(kit.pki.intermediate.certificatePem));
    expect(await crl.verify({ issuerCertificate: issuer })).toBe(true);
  });

  it('round-trips PKCS#12 with its password and refuses a wrong one', () => {
    const issued = kit.personal();
    const p12 = toPkcs12(issued, 'secret');
    const opened = fromPkcs12(p12, 'secret');
    expect(opened?.certificatePem).toBe(issued.certificatePem);
    expect(opened?.chainPem).toHaveLength(2);
    expect(fromPkcs12(p12, 'wrong')).toBeNull();
    expect(fromPkcs12(new Uint8Array([1, 2, 3]), 'secret')).toBeNull();
  });

  it('seeds reproducible byte streams for deterministic keys', () => {
    const a = seededPrng('unit-test');
    const b = seededPrng('unit-test');
    expect(a.getBytesSync(5) + a.getBytesSync(60)).toBe(b.getBytesSync(65));
    expect(seededPrng('another').getBytesSync(65)).not.toBe(seededPrng('unit-test').getBytesSync(65));
  });
});

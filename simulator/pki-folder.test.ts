import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { pemToDer } from '../edxml/signatures/pem.ts';
import { issuedSlug, openPkiFolder } from './pki-folder.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'truc-pki-')), 'pki');
const AGENCY = { agencyCode: '000.00.00.G22', agencyName: 'Văn phòng Chính phủ' };

describe('openPkiFolder', () => {
  it('creates the hierarchy on first use and reopens the same one', async () => {
    const dir = fresh();
    const created = await openPkiFolder(dir, { create: true });
    const reopened = await openPkiFolder(dir);
    const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;
    expect(reopened.trustAnchorsPem.map(fingerprint)).toEqual([fingerprint(created.pki.root.certificatePem)]);
    expect(readFileSync(join(dir, 'trust.pem'), 'utf8')).toBe(created.pki.root.certificatePem);
    expect(reopened.pki.intermediate).toEqual(created.pki.intermediate);
  });

  it('refuses a missing or damaged folder with PKI-* codes', async () => {
    await expect(openPkiFolder(fresh())).rejects.toMatchObject({ code: 'PKI-NOT-FOUND' });
    const dir = fresh();
    await openPkiFolder(dir, { create: true });
    writeFileSync(join(dir, 'pki.json'), '{ nope');
    await expect(openPkiFolder(dir)).rejects.toMatchObject({ code: 'PKI-CORRUPT' });
  });

  it('keeps issued certificates: obtain returns the stored one, issue a new one', async () => {
    const folder = await openPkiFolder(fresh(), { create: true });
    expect(await folder.find(AGENCY)).toBeUndefined();
    const first = await folder.obtain(AGENCY);
    const again = await (await openPkiFolder(folder.dir)).obtain(AGENCY);
    expect(again.certificatePem).toBe(first.certificatePem);
    expect(again.serialHex).toBe(first.serialHex);
    const reissued = await folder.issue(AGENCY);
    expect(reissued.serialHex).not.toBe(first.serialHex);
  });

  it('adds revoked certificates to the CRL on disk and in the trust context', async () => {
    const folder = await openPkiFolder(fresh(), { create: true });
    const revoked = await folder.issue({ ...AGENCY, variant: 'revoked' });
    const reopened = await openPkiFolder(folder.dir);
    for (const der of [folder.trustContext().crls[0], reopened.crlDer]) {
      const crl = pkijs.CertificateRevocationList.fromBER(der);
      const serials = (crl.revokedCertificates ?? []).map((r) => Buffer.from(r.userCertificate.valueBlock.valueHexView).toString('hex'));
      expect(serials).toEqual([revoked.serialHex]);
    }
    expect(reopened.pki.revoked.map((r) => r.serialHex)).toEqual([revoked.serialHex]);
  });

  it('names issued files by agency, signer without diacritics, and variant', () => {
    expect(issuedSlug({ ...AGENCY, signer: 'Đặng Thị Ánh', variant: 'expired' })).toBe('000.00.00.g22--dang-thi-anh--expired');
    expect(issuedSlug(AGENCY)).toBe('000.00.00.g22--org--valid');
  });

  it('renews a CRL that is about to expire when a non-deterministic folder is opened', async () => {
    const dir = fresh();
    const created = await openPkiFolder(dir, { create: true, now: new Date(Date.now() - 60 * 86_400_000) });
    const stale = pkijs.CertificateRevocationList.fromBER(created.crlDer);
    expect(stale.nextUpdate?.value.getTime()).toBeLessThan(Date.now());
    const reopened = await openPkiFolder(dir);
    const renewed = pkijs.CertificateRevocationList.fromBER(reopened.crlDer);
    expect(renewed.nextUpdate?.value.getTime()).toBeGreaterThan(Date.now());
    const onDisk = pkijs.CertificateRevocationList.fromBER(pemToDer(readFileSync(join(dir, 'crl.pem'), 'utf8')));
    expect(onDisk.nextUpdate?.value.getTime()).toBe(renewed.nextUpdate?.value.getTime());
  });
});

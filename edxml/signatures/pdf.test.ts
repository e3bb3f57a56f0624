import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { SignatureError } from './errors.ts';
import { signPdf } from './pdf-sign.ts';
import { inspectPdfSignatures, verifyPdfSignatures } from './pdf-verify.ts';
import { toPkcs12 } from './pki.ts';
import { samplePdf, samplePdfWithXrefStream } from './sample-pdf.ts';
import { AGENCY, SIGNER_NAME, testPkiKit, type TestPkiKit } from './test-pki.ts';

let kit: TestPkiKit;
let signedTwice: Uint8Array;
const signingTime = new Date();
const packetContext = () => kit.context({ signerFullName: SIGNER_NAME, fromOrganId: AGENCY.agencyCode, fromOrganName: AGENCY.agencyName });
const rules = async (pdf: Uint8Array, ctx = packetContext()) => (await verifyPdfSignatures(pdf, ctx)).map((f) => f.rule).sort();

beforeAll(async () => {
  kit = await testPkiKit();
  signedTwice = await signPdf(await signPdf(samplePdf(), kit.personal(), { signingTime }), kit.organisation(), { signingTime });
});

describe('signPdf', () => {
  it('appends incremental signatures that keep earlier bytes intact', async () => {
    const once = await signPdf(samplePdf(), kit.personal(), { signingTime });
    expect(Buffer.from(signedTwice.subarray(0, once.length)).equals(Buffer.from(once))).toBe(true);
    const inspection = await inspectPdfSignatures(signedTwice, kit.context());
    expect(inspection.signatures.map((s) => s.subFilter)).toEqual(['adbe.pkcs7.detached', 'adbe.pkcs7.detached']);
    expect(inspection.signatures.map((s) => s.signerCommonName)).toEqual([SIGNER_NAME, AGENCY.agencyName]);
  });

  it('writes the display strings of the signature dictionary without garbling them', async () => {
    const signed = await signPdf(samplePdf(), kit.personal(), { signingTime, location: 'Hà Nội', reason: 'Phê duyệt' });
    const text = Buffer.from(signed).toString('latin1');
    expect(text).toContain('/Name (Nguyen Van An)');
    expect(text).toContain('/Location (Ha Noi)');
    expect(text).toContain('/Reason (Phe duyet)');
  });

  it('signs from a PKCS#12 file as from a key and chain', async () => {
    const p12 = toPkcs12(kit.organisation(), 'pw');
    const signed = await signPdf(samplePdf(), { p12, password: 'pw' }, { signingTime });
    expect(await rules(signed, kit.context())).toEqual([]);
    await expect(signPdf(samplePdf(), { p12, password: 'nope' })).rejects.toMatchObject({ code: 'SIG-P12-UNREADABLE' });
  });

  it('refuses a PDF with a cross-reference stream, and non-PDF input, with coded errors', async () => {
    await expect(signPdf(samplePdfWithXrefStream(), kit.organisation())).rejects.toBeInstanceOf(SignatureError);
    await expect(signPdf(samplePdfWithXrefStream(), kit.organisation())).rejects.toMatchObject({ code: 'SIG-PDF-XREF-STREAM' });
    await expect(signPdf(new TextEncoder().encode('hello'), kit.organisation())).rejects.toMatchObject({ code: 'SIG-PDF-NOT-PDF' });
  });
});

describe('verifyPdfSignatures', () => {
  it('finds nothing to say about a correctly signed document', async () => {
    expect(await rules(signedTwice)).toEqual([]);
  });

  it('reports the facts the conformance suite needs', async () => {
    const [, org] = (await inspectPdfSignatures(signedTwice, kit.context())).signatures;
    expect(org.integrity).toBe('ok');
    expect(org.signingTime?.getTime()).toBe(Math.floor(signingTime.getTime() / 1000) * 1000);
    expect(org.signer?.certificate.subject.UID).toBe(AGENCY.agencyCode);
    expect(org.signer?.chainTrusted).toBe(true);
    expect(org.signer?.revocation).toEqual({ status: 'good' });
    expect(org.signer?.validity).toBe('valid');
    expect(org.signer?.keyUsageOk).toBe(true);
  });

  it('warns on an unsigned PDF', async () => {
    expect(await rules(samplePdf())).toEqual(['EDXML-SIG-013']);
  });

  it('reports bytes changed inside the signed ranges for every signature', async () => {
    const tampered = Buffer.from(signedTwice);
    tampered[tampered.indexOf('TEST DOCUMENT')] = 0x42;
    expect(await rules(tampered)).toEqual(['EDXML-SIG-002', 'EDXML-SIG-002', 'EDXML-SIG-014']);
  });

  it('reports a CMS whose signature value is corrupt, and a /Contents that is not CMS', async () => {
    const inspection = await inspectPdfSignatures(signedTwice, kit.context());
    const [a, b] = inspection.signatures[1].byteRange.slice(1);
    const gap = Buffer.from(signedTwice.subarray(a + 1, b - 1)).toString('latin1');
    // The RSA signature value is the last non-zero bytes of the CMS: flip one of them.
    const lastNonZero = gap.replace(/(00)+$/, '').length - 2;
    const corrupt = Buffer.from(signedTwice);
    const flipped = (parseInt(gap.slice(lastNonZero, lastNonZero + 2), 16) ^ 0xff).toString(16).padStart(2, '0');
    corrupt.write(flipped, a + 1 + lastNonZero, 'latin1');
    // The broken signature was the organisation's, so no intact organisation signature remains.
    expect(await rules(corrupt)).toEqual(['EDXML-SIG-001', 'EDXML-SIG-014']);
    const garbage = Buffer.from(signedTwice);
    garbage.write('31'.repeat(16), a + 1, 'latin1');
    expect(await rules(garbage)).toEqual(['EDXML-SIG-001', 'EDXML-SIG-014']);
  });

  it('warns on unsigned bytes appended after the last signature, not on trailing whitespace', async () => {
    expect(await rules(Buffer.concat([Buffer.from(signedTwice), Buffer.from('\n9 0 obj\n<< >>\nendobj\n')]))).toEqual(['EDXML-SIG-003']);
    expect(await rules(Buffer.concat([Buffer.from(signedTwice), Buffer.from('\r\n')]))).toEqual([]);
  });

  it.each([
    ['expired', 'EDXML-SIG-005'],
    ['not-yet-valid', 'EDXML-SIG-006'],
    ['wrong-usage', 'EDXML-SIG-007'],
    ['revoked', 'EDXML-SIG-008'],
  ] as const)('reports a %s organisation certificate as %s', async (variant, rule) => {
    const signed = await signPdf(samplePdf(), kit.organisation(variant), { signingTime });
    expect(await rules(signed, kit.context({ fromOrganId: AGENCY.agencyCode }))).toEqual([rule]);
  });

  it('warns when the chain reaches no configured anchor and no CRL covers it', async () => {
    const signed = await signPdf(samplePdf(), kit.organisation('untrusted'), { signingTime });
    expect(await rules(signed, kit.context())).toEqual(['EDXML-SIG-004', 'EDXML-SIG-009']);
    expect(await rules(signedTwice, { ...kit.context(), trustAnchors: [], crls: [] })).toEqual(
      ['EDXML-SIG-004', 'EDXML-SIG-004', 'EDXML-SIG-009', 'EDXML-SIG-009'],
    );
  });

  it('judges revocation at signing time: a signature made before the revocation stands', async () => {
    const before = new Date(kit.pki.now.getTime() - 2 * 86_400_000);
    const signed = await signPdf(samplePdf(), kit.organisation('revoked'), { signingTime: before });
    // Signed before the certificate's notBefore, so not-yet-valid, but not revoked yet. The test
    // PKI's intermediate starts a day before its clock too, so the path was not valid then either.
    expect(await rules(signed, kit.context())).toEqual(['EDXML-SIG-006', 'EDXML-SIG-020']);
  });

  it('warns when only an unvouched, earlier signingTime keeps an expired or revoked certificate valid (backdating)', async () => {
    // The expired certificate ended a day before the PKI clock, when the intermediate began: a
    // signer claiming that instant, with no timestamp token, gets past the expiry check on its word.
    const claimed = new Date(kit.pki.now.getTime() - 86_400_000);
    const backdated = await signPdf(samplePdf(), kit.organisation('expired'), { signingTime: claimed });
    expect(await rules(backdated, kit.context())).toEqual(['EDXML-SIG-021']);
    const facts = (await inspectPdfSignatures(backdated, kit.context())).signatures[0];
    expect(facts.timestampToken).toBe(false);
    expect(facts.claimDecides?.state).toBe('expired');
    // A fresh signature by a valid certificate says nothing about its signing time.
    expect(await rules(await signPdf(samplePdf(), kit.organisation(), { signingTime: new Date() }), kit.context())).toEqual([]);
  });

  it('warns when no signature is the organisation of From, or by SignerInfo/FullName', async () => {
    const personalOnly = await signPdf(samplePdf(), kit.personal(), { signingTime });
    expect(await rules(personalOnly)).toEqual(['EDXML-SIG-014']);
    const orgOnly = await signPdf(samplePdf(), kit.organisation(), { signingTime });
    expect(await rules(orgOnly)).toEqual(['EDXML-SIG-015']);
    expect(await rules(signedTwice, kit.context({ fromOrganId: '000.00.00.G12' }))).toEqual(['EDXML-SIG-014']);
  });

  it('compares names after NFC, ignoring case and repeated spaces', async () => {
    const decomposed = `  ${SIGNER_NAME.normalize('NFD').toUpperCase().replace(' ', '   ')} `;
    expect(await rules(signedTwice, kit.context({ signerFullName: decomposed }))).toEqual([]);
    expect(await rules(signedTwice, kit.context({ signerFullName: 'Nguyễn Văn Anh' }))).toEqual(['EDXML-SIG-015']);
  });

  it('matches real certificates by CN = From/OrganName when they carry no UID', async () => {
    expect(await rules(signedTwice, kit.context({ fromOrganName: AGENCY.agencyName.toUpperCase() }))).toEqual([]);
  });

  it('warns on a signature without signingTime and judges validity at ctx.now', async () => {
    class NoTimeSigner extends Signer {
      override async sign(pdf: Buffer): Promise<Buffer> {
        const issued = kit.organisation();
        const p7 = forge.pkcs7.createSignedData();
        p7.content = forge.util.createBuffer(pdf.toString('binary'));
        p7.addCertificate(issued.certificatePem);
        p7.addSigner({
          key: forge.pki.privateKeyFromPem(issued.privateKeyPem) as forge.pki.rsa.PrivateKey,
          certificate: forge.pki.certificateFromPem(issued.certificatePem),
          digestAlgorithm: forge.pki.oids.sha256,
          authenticatedAttributes: [{ type: forge.pki.oids.contentType, value: forge.pki.oids.data }, { type: forge.pki.oids.messageDigest }],
        });
        p7.sign({ detached: true });
        return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
      }
    }
    const placeholder = plainAddPlaceholder({ pdfBuffer: Buffer.from(samplePdf()), reason: 'test', contactInfo: '', name: 'x', location: 'VN' });
    const signed = await new SignPdf().sign(placeholder, new NoTimeSigner());
    // Only the leaf is carried: the chain cannot be built, which is a separate finding.
    const ctx = kit.context({ trustAnchors: [kit.pki.root.certificatePem, kit.pki.intermediate.certificatePem] });
    expect(await rules(signed, ctx)).toEqual(['EDXML-SIG-010']);
    const later = new Date(kit.pki.now.getTime() + 10 * 365 * 86_400_000);
    expect(await rules(signed, { ...ctx, now: later })).toEqual(['EDXML-SIG-005', 'EDXML-SIG-010']);
  });

  it('leaves other SubFilters unverified with a warning', async () => {
    const legacy = Buffer.from(Buffer.from(signedTwice).toString('latin1').replaceAll('/SubFilter /adbe.pkcs7.detached', '/SubFilter /adbe.x509.rsa_sha1'), 'latin1');
    expect(await rules(legacy)).toEqual(['EDXML-SIG-012', 'EDXML-SIG-012', 'EDXML-SIG-014', 'EDXML-SIG-015']);
  });
});

describe('verifyPdfSignatures on damaged input', () => {
  it('never throws on truncated or mutated signed PDFs and arbitrary bytes', async () => {
    const fc = await import('fast-check');
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: signedTwice.length }),
        fc.array(fc.tuple(fc.nat({ max: signedTwice.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.uint8Array({ maxLength: 64 }),
        async (cut, edits, noise) => {
          const damaged = Buffer.concat([Buffer.from(signedTwice.subarray(0, cut)), Buffer.from(noise)]);
          for (const [at, value] of edits) if (at < damaged.length) damaged[at] = value;
          const findings = await verifyPdfSignatures(damaged, packetContext());
          expect(Array.isArray(findings)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never throws when the CMS itself is damaged (hex digits changed inside /Contents)', async () => {
    const fc = await import('fast-check');
    const [, second] = (await inspectPdfSignatures(signedTwice, kit.context())).signatures;
    const [, gapStart, gapEnd] = second.byteRange;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: gapStart + 1, max: gapStart + 2000 }), fc.constantFrom(...'0123456789abcdef')), { minLength: 1, maxLength: 6 }),
        async (edits) => {
          const damaged = Buffer.from(signedTwice);
          for (const [at, digit] of edits) if (at < gapEnd - 1) damaged[at] = digit.charCodeAt(0);
          const findings = await verifyPdfSignatures(damaged, packetContext());
          expect(Array.isArray(findings)).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });
});

// One fast test PKI per test file (native key generation), with the usual certificates issued:
// tests share it instead of each paying for RSA keys.
import { buildCrl } from './crl.ts';
import type { PdfSignatureContext } from './index.ts';
import { createTestPki, issueCertificate, type CertificateVariant, type IssuedCertificate, type TestPki } from './pki.ts';

export const AGENCY = { agencyCode: '000.00.00.G22', agencyName: 'Văn phòng Chính phủ' };
export const SIGNER_NAME = 'Nguyễn Văn An';

export interface TestPkiKit {
  pki: TestPki;
  organisation: (variant?: CertificateVariant) => IssuedCertificate;
  personal: (variant?: CertificateVariant) => IssuedCertificate;
  crl: Uint8Array;
  context: (extra?: Partial<PdfSignatureContext>) => PdfSignatureContext;
}

/** Issues each certificate once per kit; the CRL is built after every variant exists. */
export async function testPkiKit(): Promise<TestPkiKit> {
  const pki = createTestPki();
  const variants: CertificateVariant[] = ['valid', 'expired', 'not-yet-valid', 'revoked', 'wrong-usage', 'untrusted'];
  const org = new Map(variants.map((v) => [v, issueCertificate(pki, { ...AGENCY, variant: v })]));
  const person = new Map(variants.map((v) => [v, issueCertificate(pki, { ...AGENCY, signer: SIGNER_NAME, variant: v })]));
  const crl = await buildCrl(pki);
  const trustAnchors = [pki.root.certificatePem];
  const crls = [crl];
  return {
    pki,
    organisation: (v = 'valid') => org.get(v) as IssuedCertificate,
    personal: (v = 'valid') => person.get(v) as IssuedCertificate,
    crl,
    context: (extra = {}) => ({ trustAnchors, crls, path: '/edXML/AttachmentEncoded/Attachment[1]', ...extra }),
  };
}

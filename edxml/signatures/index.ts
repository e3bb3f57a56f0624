// The signature seam: trust contexts the validator passes in, and the verifiers, signers and test PKI behind them.

export interface TrustContext {
  /** PEM certificates accepted as trust anchors; none means every chain is "unknown root" (a warning in validate). */
  trustAnchors: string[];
  /** Revocation lists, DER or PEM. */
  crls: Uint8Array[];
  /** Clock for "not yet valid / expired" when a signature has no signingTime. */
  now?: Date;
}

export interface PdfSignatureContext extends TrustContext {
  /** Element path of the Attachment carrying the PDF, used as the findings' path. */
  path: string;
  /** SignerInfo/FullName of the packet, to compare with the personal certificate's CN. */
  signerFullName?: string;
  /** From/OrganId and From/OrganName, to find the organisation's signature. */
  fromOrganId?: string;
  fromOrganName?: string;
}

export interface PacketSignatureContext extends TrustContext {
  /** Element path of the Signature element. */
  path: string;
}

export { verifyPdfSignatures, inspectPdfSignatures, isOrganisationSignature, ACCEPTED_SUBFILTERS } from './pdf-verify.ts';
export type { PdfSignatureFacts, PdfSignatureInspection } from './pdf-verify.ts';
export { verifyPacketSignature, signPacket, XMLDSIG_NS } from './xmldsig.ts';
export { signatureRules, sigRules } from './rules.ts';
export { signPdf, assertSignablePdf } from './pdf-sign.ts';
export type { PdfSignerIdentity, PdfSignOptions } from './pdf-sign.ts';
export { createTestPki, generateLeafKeys, issueCertificate, toPkcs12, fromPkcs12, CERTIFICATE_VARIANTS, DETERMINISTIC_NOW } from './pki.ts';
export type { TestPki, IssuedCertificate, IssueOptions, CertificateVariant, CertifiedKey, RevokedEntry } from './pki.ts';
export { buildCrl, buildCrlFor } from './crl.ts';
export { samplePdf, samplePdfWithXrefStream } from './sample-pdf.ts';
export { SignatureError } from './errors.ts';
export type { CertificateFacts } from './certificate-facts.ts';
export type { CertificateJudgement } from './certificate-judgement.ts';

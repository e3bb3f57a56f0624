// Verification of the signatures inside a PDF attachment: facts first
// (inspectPdfSignatures, also used by the conformance suite), findings derived from them.
import type { X509Certificate } from 'node:crypto';
import type { Finding } from '../finding.ts';
import { report } from '../rule.ts';
import { certificateFindings, judgeCertificate, signerLabel, type CertificateJudgement } from './certificate-judgement.ts';
import { verifyDetachedCms, type CmsIntegrity } from './cms.ts';
import type { PdfSignatureContext, TrustContext } from './index.ts';
import { sameName } from './names.ts';
import { findPdfSignatures, hasUnsignedTail, signedParts } from './pdf-signatures.ts';
import { sigRules } from './rules.ts';

/** SubFilters §4.0 accepts; others are reported and left unverified. */
export const ACCEPTED_SUBFILTERS = ['adbe.pkcs7.detached', 'ETSI.CAdES.detached'];

export interface PdfSignatureFacts {
  /** 1-based, in file order (the first signature made comes first). */
  index: number;
  subFilter?: string;
  byteRange: [number, number, number, number];
  integrity: CmsIntegrity | 'unsupported';
  /** Why integrity is not ok, in English. */
  integrityDetail?: string;
  digestAlgorithm?: string;
  signingTime?: Date;
  /** A timestamp token vouches for signingTime; without one the time is the signer's own claim. */
  timestampToken?: boolean;
  /**
   * Set when the verdict rests on an unvouched signingTime: the certificate was valid at the time
   * the signer claims but is expired or revoked at validation time (a backdated signingTime would
   * look exactly like this).
   */
  claimDecides?: { at: Date; state: 'expired' | 'revoked' };
  signerCommonName?: string;
  /** Present when the CMS named a signer certificate. */
  signer?: CertificateJudgement;
}

export interface PdfSignatureInspection {
  signatures: PdfSignatureFacts[];
  /** Non-whitespace bytes follow the last signature's signed range. */
  unsignedTail: boolean;
}

export async function inspectPdfSignatures(pdf: Uint8Array, ctx: TrustContext): Promise<PdfSignatureInspection> {
  const spans = findPdfSignatures(pdf);
  const signatures: PdfSignatureFacts[] = [];
  for (const [i, span] of spans.entries()) {
    const base = { index: i + 1, byteRange: span.byteRange, ...(span.subFilter ? { subFilter: span.subFilter } : {}) };
    if (span.subFilter !== undefined && !ACCEPTED_SUBFILTERS.includes(span.subFilter)) {
      signatures.push({ ...base, integrity: 'unsupported', integrityDetail: `SubFilter ${span.subFilter}` });
      continue;
    }
    if (!span.contents) {
      signatures.push({ ...base, integrity: 'malformed', integrityDetail: span.malformed ?? 'no /Contents' });
      continue;
    }
    const cms = verifyDetachedCms(span.contents, signedParts(pdf, span));
    const judgedAt = cms.signingTime ?? ctx.now ?? new Date();
    const signer = cms.signer ? await judgeCertificate(cms.signer, cms.certificates, ctx, judgedAt) : undefined;
    const claimDecides = cms.signer && signer && cms.signingTime && !cms.timestampToken ? await unvouchedClaimDecides(cms.signer, cms.certificates, signer, ctx) : undefined;
    signatures.push({
      ...base,
      integrity: cms.integrity,
      ...(cms.detail && cms.integrity !== 'ok' ? { integrityDetail: cms.detail } : {}),
      ...(cms.digestAlgorithm ? { digestAlgorithm: cms.digestAlgorithm } : {}),
      ...(cms.signingTime ? { signingTime: cms.signingTime } : {}),
      timestampToken: cms.timestampToken,
      ...(claimDecides ? { claimDecides } : {}),
      ...(signer?.certificate.commonName ? { signerCommonName: signer.certificate.commonName } : {}),
      ...(signer ? { signer } : {}),
    });
  }
  return { signatures, unsignedTail: hasUnsignedTail(pdf, spans) };
}

/** Clock skew within which a signingTime counts as "now" (a fresh signature): no second judgement. */
const FRESH_MS = 5 * 60_000;

/**
 * Judges the certificate again at validation time when the signer claims an earlier signing time
 * with no timestamp token, and says whether the claim alone keeps it valid.
 */
async function unvouchedClaimDecides(
  signer: X509Certificate,
  carried: readonly X509Certificate[],
  atClaim: CertificateJudgement,
  ctx: TrustContext,
): Promise<PdfSignatureFacts['claimDecides']> {
  const now = ctx.now ?? new Date();
  if (atClaim.validity !== 'valid' || Math.abs(now.getTime() - atClaim.judgedAt.getTime()) <= FRESH_MS) return undefined;
  const atNow = await judgeCertificate(signer, carried, ctx, now);
  if (atNow.validity === 'expired') return { at: now, state: 'expired' };
  if (atClaim.revocation.status !== 'revoked' && atNow.revocation.status === 'revoked') return { at: now, state: 'revoked' };
  return undefined;
}

function signatureFindings(sig: PdfSignatureFacts, path: string): Finding[] {
  const index = sig.index;
  if (sig.integrity === 'unsupported') return [report(sigRules.unsupportedSubFilter, path, { index, subFilter: sig.subFilter ?? '?' })];
  const findings: Finding[] = [];
  const who = sig.signer ? signerLabel(sig.signer.certificate) : '?';
  if (sig.integrity === 'digest-mismatch') findings.push(report(sigRules.pdfBytesChanged, path, { index, signer: who }));
  if (sig.integrity === 'signature-invalid' || sig.integrity === 'malformed') {
    findings.push(report(sigRules.pdfSignatureInvalid, path, { index, detail: sig.integrityDetail ?? sig.integrity }));
  }
  if (sig.digestAlgorithm === 'sha1') findings.push(report(sigRules.weakDigest, path));
  if (sig.signer) {
    if (!sig.signingTime) findings.push(report(sigRules.noSigningTime, path, { signer: who }));
    if (sig.signingTime && sig.claimDecides) {
      findings.push(report(sigRules.signingTimeUnvouched, path, { signer: who, at: sig.signingTime.toISOString(), now: sig.claimDecides.at.toISOString(), state: sig.claimDecides.state }));
    }
    findings.push(...certificateFindings(sig.signer, path));
  }
  return findings;
}

/** The organisation's signature: UID = From/OrganId (test PKI), or CN = From/OrganName (real certificates). */
export function isOrganisationSignature(sig: PdfSignatureFacts, organId?: string, organName?: string): boolean {
  const subject = sig.signer?.certificate.subject;
  if (!subject || sig.integrity !== 'ok') return false;
  return (organId !== undefined && subject.UID === organId) || sameName(subject.CN, organName);
}

export async function verifyPdfSignatures(pdf: Uint8Array, ctx: PdfSignatureContext): Promise<Finding[]> {
  const inspection = await inspectPdfSignatures(pdf, ctx);
  if (inspection.signatures.length === 0) return [report(sigRules.pdfNotSigned, ctx.path)];
  const findings = inspection.signatures.flatMap((sig) => signatureFindings(sig, ctx.path));
  if (inspection.unsignedTail) findings.push(report(sigRules.pdfUnsignedTail, ctx.path));
  if (ctx.fromOrganId !== undefined || ctx.fromOrganName !== undefined) {
    if (!inspection.signatures.some((sig) => isOrganisationSignature(sig, ctx.fromOrganId, ctx.fromOrganName))) {
      findings.push(report(sigRules.noOrganisationSignature, ctx.path, { organ: ctx.fromOrganName ?? ctx.fromOrganId ?? '?' }));
    }
  }
  if (ctx.signerFullName !== undefined && ctx.signerFullName.trim() !== '') {
    const names = inspection.signatures.map((sig) => sig.signerCommonName).filter((n): n is string => n !== undefined);
    if (!names.some((name) => sameName(name, ctx.signerFullName))) {
      findings.push(report(sigRules.signerNameMismatch, ctx.path, { fullName: ctx.signerFullName, signers: names.join('; ') || '-' }));
    }
  }
  return findings;
}

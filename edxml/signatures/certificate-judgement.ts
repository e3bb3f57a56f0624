// Everything said about a signer's certificate, for PDF and XML signatures alike: chain to the
// trust anchors, validity at the signing time, key usage, revocation. Findings derive from these facts.
import type { X509Certificate } from 'node:crypto';
import type { Finding } from '../finding.ts';
import { report } from '../rule.ts';
import { certificateFacts, validityAt, type CertificateFacts, type Validity } from './certificate-facts.ts';
import type { TrustContext } from './index.ts';
import { sigRules } from './rules.ts';
import { buildChain, prepareTrust, revocationAt, type Revocation } from './trust.ts';

export interface CertificateJudgement {
  certificate: CertificateFacts;
  chainTrusted: boolean;
  /** Subjects from the signer up to the anchor (or the last issuer found). */
  chain: string[];
  /** The instant validity and revocation were judged at: signingTime, else ctx.now, else now. */
  judgedAt: Date;
  validity: Validity;
  revocation: Revocation;
  keyUsageOk: boolean;
  /**
   * Why the path from the signer to its anchor is not a valid certification path (RFC 5280 §6.1
   * basics): an issuer that is not a CA, a path longer than an issuer's pathLenConstraint, an
   * issuer not valid at the signing time. Empty when the path holds (or no path was found).
   */
  pathProblems: string[];
}

const subjectOf = (cert: X509Certificate): string => cert.subject.replace(/\n/g, ', ');

/** RFC 5280 basics over a built path, leaf first: CA flag and path length of every issuer, validity of each at `at`. */
function pathProblemsOf(chain: readonly X509Certificate[], at: Date): string[] {
  const problems: string[] = [];
  for (const [i, issuer] of chain.entries()) {
    if (i === 0) continue;
    const facts = certificateFacts(issuer.raw);
    const name = subjectOf(issuer);
    if (!facts.ca) problems.push(`${name} is not a CA certificate (basicConstraints cA) but issued ${subjectOf(chain[i - 1])}`);
    // CA certificates between this issuer and the leaf (the leaf itself does not count).
    const below = i - 1;
    if (facts.ca && facts.pathLength !== undefined && below > facts.pathLength) {
      problems.push(`${name} allows ${facts.pathLength} CA certificate(s) below it (pathLenConstraint), the path has ${below}`);
    }
    const validity = validityAt(facts, at);
    if (validity !== 'valid') problems.push(`${name} was ${validity === 'expired' ? 'expired' : 'not yet valid'} at ${at.toISOString()}`);
  }
  return problems;
}

export async function judgeCertificate(signer: X509Certificate, carried: readonly X509Certificate[], ctx: TrustContext, at: Date): Promise<CertificateJudgement> {
  const trust = prepareTrust(ctx);
  const certificate = certificateFacts(signer.raw);
  const { trusted, chain } = buildChain(signer, carried, trust);
  const issuer = chain[1] ?? carried.find((c) => c !== signer && signer.checkIssued(c));
  return {
    certificate,
    chainTrusted: trusted,
    chain: chain.map((c) => c.subject.replace(/\n/g, ', ')),
    judgedAt: at,
    validity: validityAt(certificate, at),
    revocation: await revocationAt(signer, issuer, trust, at),
    keyUsageOk: certificate.keyUsageOk,
    pathProblems: trusted ? pathProblemsOf(chain, at) : [],
  };
}

export const signerLabel = (facts: CertificateFacts): string => facts.commonName ?? facts.serialHex;

export function certificateFindings(j: CertificateJudgement, path: string): Finding[] {
  const signer = signerLabel(j.certificate);
  const at = j.judgedAt.toISOString();
  const findings: Finding[] = [];
  if (!j.chainTrusted) findings.push(report(sigRules.untrustedChain, path, { signer }));
  if (j.pathProblems.length > 0) findings.push(report(sigRules.chainInvalid, path, { signer, detail: j.pathProblems.join('; ') }));
  if (j.validity === 'expired') findings.push(report(sigRules.certificateExpired, path, { signer, at, notAfter: j.certificate.notAfter.toISOString() }));
  if (j.validity === 'not-yet-valid') findings.push(report(sigRules.certificateNotYetValid, path, { signer, at, notBefore: j.certificate.notBefore.toISOString() }));
  if (!j.keyUsageOk) {
    const usage = [...j.certificate.keyUsage, ...j.certificate.extendedKeyUsage].join(', ') || '-';
    findings.push(report(sigRules.wrongKeyUsage, path, { signer, usage }));
  }
  if (j.revocation.status === 'revoked') {
    findings.push(report(sigRules.certificateRevoked, path, { signer, at, revokedAt: j.revocation.revocationDate.toISOString() }));
  }
  if (j.revocation.status === 'unknown') findings.push(report(sigRules.noRevocationData, path, { signer }));
  return findings;
}

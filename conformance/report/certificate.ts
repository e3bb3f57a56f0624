// certificate.json: a manifest of the run folder (file digests, verdict, who and how) signed over
// its RFC 8785 canonical bytes with RSA-PSS (SHA-256, MGF1-SHA-256, 32-byte salt). Anyone holding
// the folder can check it offline with `truc verify`.
import { constants, createHash, sign, verify, X509Certificate } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { RunProfile } from '../catalogue.ts';
import type { Verdict } from '../run-record.ts';
import type { Timing } from '../timing.ts';
import type { Certifier } from './certifier.ts';
import type { CaseOverride } from '../run-record.ts';
import type { ReportSut } from './report-json.ts';
import type { SignerInfo } from './signer.ts';

export const CERTIFICATE_FILE = 'certificate.json';
export const SIGNATURE_ALG = 'RSA-PSS-SHA256';
const PSS = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };

export interface CertificateManifest {
  /** File name → lower-case hex SHA-256 of its bytes, for every file of the folder but this one. */
  files: Record<string, string>;
  verdict: Verdict;
  sut: ReportSut;
  profile: RunProfile;
  timing: Timing;
  suiteVersion: string;
  startedAt: string;
  finishedAt: string;
  /** What the signer claims to be; `truc verify` checks the claim against the chain (signer.ts). */
  signer: SignerInfo;
  /** The review audit trail, also in report.json. */
  overrides: CaseOverride[];
}

export interface RunCertificate {
  manifest: CertificateManifest;
  signature: { alg: typeof SIGNATURE_ALG; value: string; chain: string[] };
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function canonicalBytes(manifest: unknown): Buffer {
  const text = canonicalize(manifest);
  if (text === undefined) throw new TypeError('manifest cannot be canonicalised');
  return Buffer.from(text, 'utf8');
}

export function signManifest(manifest: CertificateManifest, certifier: Certifier): RunCertificate {
  const value = sign('sha256', canonicalBytes(manifest), { key: certifier.privateKey, ...PSS });
  return {
    manifest,
    signature: {
      alg: SIGNATURE_ALG,
      value: value.toString('base64'),
      chain: certifier.chain.map((der) => Buffer.from(der).toString('base64')),
    },
  };
}

/** True when the signature verifies with the first certificate of the embedded chain. */
export function signatureVerifies(certificate: RunCertificate): boolean {
  try {
    if (certificate.signature.alg !== SIGNATURE_ALG) return false;
    const signer = new X509Certificate(Buffer.from(certificate.signature.chain[0], 'base64'));
    return verify('sha256', canonicalBytes(certificate.manifest), { key: signer.publicKey, ...PSS }, Buffer.from(certificate.signature.value, 'base64'));
  } catch {
    return false;
  }
}

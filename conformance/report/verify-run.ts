// Offline check of a run folder against its certificate.json: every listed file present and
// unchanged, no file added, the signature good and, when trust roots are given, the certifier
// chaining to one of them. Each problem is a value with a stable code, naming the file concerned.
import { X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CERTIFICATE_FILE, sha256Hex, signatureVerifies, type RunCertificate } from './certificate.ts';
import { chainIsTestPki } from './signer.ts';

export type VerifyProblemCode =
  | 'VERIFY-CERT-MISSING'
  | 'VERIFY-CERT-INVALID'
  | 'VERIFY-FILE-CHANGED'
  | 'VERIFY-FILE-MISSING'
  | 'VERIFY-FILE-EXTRA'
  | 'VERIFY-SIGNATURE'
  | 'VERIFY-UNTRUSTED';

export interface VerifyProblem {
  code: VerifyProblemCode;
  file?: string;
  vi: string;
  en: string;
}

/**
 * What the signature is worth once the files are intact: `unchecked` without trust roots (only
 * integrity is known), `self-test` when signed under a test PKI or by a signer that says it is
 * one (a key the tested party can hold), `certified` only for an independent certifier whose
 * chain reaches a given root. The claim in the manifest can lower the trust, never raise it.
 */
export type SignerTrust = 'unchecked' | 'self-test' | 'certified';

export interface VerifyResult {
  problems: VerifyProblem[];
  certificate?: RunCertificate;
  /** Set when there is no problem. */
  trust?: SignerTrust;
  /** The signer is a self-test one, whether or not roots were given. */
  selfTest?: boolean;
}

const isPlainName = (name: string) => name !== '' && name !== '.' && name !== '..' && !/[\\/]/.test(name);

function shapeOk(value: unknown): value is RunCertificate {
  if (!value || typeof value !== 'object') return false;
  const { manifest, signature } = value as Record<string, unknown>;
  if (!manifest || typeof manifest !== 'object' || !signature || typeof signature !== 'object') return false;
  const files = (manifest as Record<string, unknown>).files;
  if (!files || typeof files !== 'object' || Array.isArray(files)) return false;
  if (!Object.entries(files).every(([k, v]) => isPlainName(k) && typeof v === 'string')) return false;
  const sig = signature as Record<string, unknown>;
  return (
    typeof sig.alg === 'string' &&
    typeof sig.value === 'string' &&
    Array.isArray(sig.chain) &&
    sig.chain.length > 0 &&
    sig.chain.every((c) => typeof c === 'string')
  );
}

/** Splits a PEM bundle into certificates; throws on unreadable input. */
export function parsePemCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}

/** Whether the embedded chain (certifier first) is well linked, valid at `at`, and ends at one of `roots`. */
export function chainsToRoot(chainBase64: string[], roots: X509Certificate[], at: Date): boolean {
  try {
    const chain = chainBase64.map((b64) => new X509Certificate(Buffer.from(b64, 'base64')));
    const validAt = (c: X509Certificate) => new Date(c.validFrom) <= at && at <= new Date(c.validTo);
    const isRoot = (c: X509Certificate) => roots.some((r) => r.fingerprint256 === c.fingerprint256);
    for (let i = 0; i < chain.length; i++) {
      const cert = chain[i];
      if (!validAt(cert)) return false;
      if (isRoot(cert)) return true;
      const anchor = roots.find((r) => cert.checkIssued(r) && cert.verify(r.publicKey));
      if (anchor) return validAt(anchor);
      const next = chain[i + 1];
      if (!next || !cert.checkIssued(next) || !cert.verify(next.publicKey)) return false;
    }
    return false;
  } catch {
    return false;
  }
}

export async function verifyRunFolder(dir: string, options: { trustRoots?: X509Certificate[] } = {}): Promise<VerifyResult> {
  let text: string;
  try {
    text = await readFile(join(dir, CERTIFICATE_FILE), 'utf8');
  } catch {
    return {
      problems: [
        { code: 'VERIFY-CERT-MISSING', file: CERTIFICATE_FILE, vi: 'Thiếu tệp certificate.json', en: 'certificate.json is missing' },
      ],
    };
  }
  let certificate: unknown;
  try {
    certificate = JSON.parse(text);
  } catch {
    certificate = undefined;
  }
  if (!shapeOk(certificate)) {
    return {
      problems: [
        {
          code: 'VERIFY-CERT-INVALID',
          file: CERTIFICATE_FILE,
          vi: 'certificate.json không đúng định dạng',
          en: 'certificate.json is not a valid run certificate',
        },
      ],
    };
  }

  const problems: VerifyProblem[] = [];
  const listed = certificate.manifest.files;
  const present = new Set((await readdir(dir)).filter((name) => name !== CERTIFICATE_FILE));
  for (const [name, digest] of Object.entries(listed)) {
    if (!present.has(name)) {
      problems.push({ code: 'VERIFY-FILE-MISSING', file: name, vi: `Thiếu tệp ${name}`, en: `${name} is missing` });
      continue;
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await readFile(join(dir, name));
    } catch {
      bytes = undefined;
    }
    if (!bytes || sha256Hex(bytes) !== digest.toLowerCase()) {
      problems.push({ code: 'VERIFY-FILE-CHANGED', file: name, vi: `Tệp ${name} đã bị thay đổi`, en: `${name} has changed` });
    }
  }
  for (const name of [...present].sort()) {
    if (!(name in listed)) {
      problems.push({ code: 'VERIFY-FILE-EXTRA', file: name, vi: `Tệp ${name} không có trong chứng nhận`, en: `${name} is not in the certificate` });
    }
  }
  if (!signatureVerifies(certificate)) {
    problems.push({
      code: 'VERIFY-SIGNATURE',
      file: CERTIFICATE_FILE,
      vi: 'Chữ ký của chứng nhận không hợp lệ',
      en: 'The certificate signature does not verify',
    });
  } else if (options.trustRoots) {
    const at = new Date(certificate.manifest.finishedAt);
    if (!chainsToRoot(certificate.signature.chain, options.trustRoots, Number.isNaN(at.getTime()) ? new Date() : at)) {
      problems.push({
        code: 'VERIFY-UNTRUSTED',
        file: CERTIFICATE_FILE,
        vi: 'Chứng thư người chứng nhận không dẫn tới gốc tin cậy đã cho',
        en: 'The certifier certificate does not chain to the given trust root',
      });
    }
  }
  if (problems.length) return { problems, certificate };
  const claimed = (certificate.manifest as { signer?: { kind?: unknown } }).signer?.kind;
  const selfTest = claimed !== 'certifier' || chainIsTestPki(certificate.signature.chain) || (options.trustRoots ?? []).some((r) => chainIsTestPki([r]));
  const trust: SignerTrust = !options.trustRoots ? 'unchecked' : selfTest ? 'self-test' : 'certified';
  return { problems, certificate, trust, selfTest };
}

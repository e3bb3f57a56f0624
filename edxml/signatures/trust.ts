// Chain building to the configured trust anchors and revocation from the given CRLs. Only the
// anchors given count: a chain to any other root, public CAs included, is "not trusted" here.
import { createHash, X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { pemToDer, splitPem } from './pem.ts';
import type { TrustContext } from './index.ts';

interface PreparedCrl {
  crl: pkijs.CertificateRevocationList;
  /** Signature checks already made, by issuer certificate fingerprint. */
  verifiedBy: Map<string, boolean>;
}

export interface PreparedTrust {
  anchors: X509Certificate[];
  crls: PreparedCrl[];
}

// Validators call once per attachment, and callers often build fresh arrays of the same anchors
// and CRLs for every packet (a live trust provider): parse each content once, keyed by a digest
// of the content itself. Few distinct trust sets exist in a process; the oldest is dropped first.
const CACHE_SIZE = 32;
const anchorCache = new Map<string, X509Certificate[]>();
const crlCache = new Map<string, PreparedCrl[]>();

function contentKey(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(String(typeof part === 'string' ? part.length : part.byteLength));
    hash.update(':');
    hash.update(part);
  }
  return hash.digest('base64');
}

function cachedBy<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const hit = cache.get(key);
  if (hit) return hit;
  const value = make();
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

function parseAnchors(pems: readonly string[]): X509Certificate[] {
  const anchors: X509Certificate[] = [];
  for (const pem of pems.flatMap((text) => splitPem(text))) {
    try {
      anchors.push(new X509Certificate(pemToDer(pem)));
    } catch {
      // An unreadable anchor anchors nothing; the chain then reports "not trusted".
    }
  }
  return anchors;
}

function parseCrls(inputs: readonly Uint8Array[]): PreparedCrl[] {
  const crls: PreparedCrl[] = [];
  for (const input of inputs) {
    const text = Buffer.from(input).toString('latin1');
    const ders = text.includes('-----BEGIN X509 CRL-----') ? splitPem(text, 'X509 CRL').map(pemToDer) : [input];
    for (const der of ders) {
      try {
        crls.push({ crl: pkijs.CertificateRevocationList.fromBER(der), verifiedBy: new Map() });
      } catch {
        // An unreadable CRL gives no revocation data; the finding "no revocation data" says so.
      }
    }
  }
  return crls;
}

export function prepareTrust(ctx: TrustContext): PreparedTrust {
  const anchors = cachedBy(anchorCache, contentKey(ctx.trustAnchors), () => parseAnchors(ctx.trustAnchors));
  const crls = cachedBy(crlCache, contentKey(ctx.crls), () => parseCrls(ctx.crls));
  return { anchors, crls };
}

const issuedBy = (cert: X509Certificate, issuer: X509Certificate): boolean => {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
};

export interface ChainResult {
  trusted: boolean;
  /** Leaf first; ends at the anchor when trusted, at the last issuer found otherwise. */
  chain: X509Certificate[];
}

/** Walks issuers from `leaf` through `intermediates` until a trust anchor signs (or is) the current certificate. */
export function buildChain(leaf: X509Certificate, intermediates: readonly X509Certificate[], trust: PreparedTrust): ChainResult {
  const chain = [leaf];
  let current = leaf;
  for (let depth = 0; depth < 8; depth += 1) {
    if (trust.anchors.some((a) => a.raw.equals(current.raw))) return { trusted: true, chain };
    const anchor = trust.anchors.find((a) => issuedBy(current, a));
    if (anchor) return { trusted: true, chain: [...chain, anchor] };
    const next = intermediates.find((c) => !chain.includes(c) && !c.raw.equals(current.raw) && issuedBy(current, c));
    if (!next) return { trusted: false, chain };
    chain.push(next);
    current = next;
  }
  return { trusted: false, chain };
}

export type Revocation = { status: 'good' } | { status: 'revoked'; revocationDate: Date } | { status: 'unknown' };

async function crlSignedBy(entry: PreparedCrl, issuer: X509Certificate): Promise<boolean> {
  const known = entry.verifiedBy.get(issuer.fingerprint256);
  if (known !== undefined) return known;
  let ok = false;
  try {
    const issuerCert = pkijs.Certificate.fromBER(issuer.raw);
    ok = entry.crl.issuer.isEqual(issuerCert.subject) && (await entry.crl.verify({ issuerCertificate: issuerCert }));
  } catch {
    ok = false;
  }
  entry.verifiedBy.set(issuer.fingerprint256, ok);
  return ok;
}

/**
 * Revocation status of `cert` at `at` from a CRL signed by its `issuer`. Only the signer's own
 * certificate is checked: CA certificates of the test PKI are not revoked, and real CA CRLs are
 * fetched by no one here (no network).
 */
export async function revocationAt(cert: X509Certificate, issuer: X509Certificate | undefined, trust: PreparedTrust, at: Date): Promise<Revocation> {
  if (!issuer) return { status: 'unknown' };
  const serial = cert.serialNumber.toLowerCase().replace(/^0+/, '');
  let covered = false;
  for (const entry of trust.crls) {
    if (!(await crlSignedBy(entry, issuer))) continue;
    covered = true;
    for (const revoked of entry.crl.revokedCertificates ?? []) {
      const revokedSerial = Buffer.from(revoked.userCertificate.valueBlock.valueHexView).toString('hex').replace(/^0+/, '');
      const date = revoked.revocationDate.value;
      if (revokedSerial === serial && date.getTime() <= at.getTime()) return { status: 'revoked', revocationDate: date };
    }
  }
  return covered ? { status: 'good' } : { status: 'unknown' };
}

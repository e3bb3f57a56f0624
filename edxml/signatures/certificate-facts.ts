// What a verifier needs to know about one X.509 certificate: its subject fields (UID carries the
// agency code in the test PKI), validity and whether its key usages allow signing documents.
import { createHash, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const NAME_OIDS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.5': 'serialNumber',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'E',
};

// Extended key usages that can carry a document signature: client/e-mail protection (what Vietnamese
// CAs issue), Adobe's and Microsoft's document signing, id-kp-documentSigning, and "any".
const SIGNING_EKUS = new Set([
  '1.3.6.1.5.5.7.3.2',
  '1.3.6.1.5.5.7.3.4',
  '1.2.840.113583.1.1.5',
  '1.3.6.1.4.1.311.10.3.12',
  '1.3.6.1.5.5.7.3.36',
  '2.5.29.37.0',
]);

export interface CertificateFacts {
  /** Subject attributes by short name (CN, O, OU, C, UID, ...); repeated attributes keep the first. */
  subject: Record<string, string>;
  commonName?: string;
  /** Issuer distinguished name as Node prints it. */
  issuer: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** keyUsage bit names present, e.g. digitalSignature, nonRepudiation; empty when the extension is absent. */
  keyUsage: string[];
  extendedKeyUsage: string[];
  /** Subject key identifier, lower-case hex, when the extension is present. */
  subjectKeyIdentifier?: string;
  /** The key may sign documents: digitalSignature or nonRepudiation, and a signing-capable EKU if EKUs are listed. */
  keyUsageOk: boolean;
  /** basicConstraints cA (RFC 5280 §4.2.1.9): only a CA certificate may issue others. */
  ca: boolean;
  /** basicConstraints pathLenConstraint: how many CA certificates may follow it down the path. */
  pathLength?: number;
}

const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

function keyUsageNames(cert: pkijs.Certificate): string[] | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.15');
  if (!ext) return undefined;
  const bits = ext.parsedValue instanceof asn1js.BitString ? ext.parsedValue.valueBlock.valueHexView : new Uint8Array();
  return KEY_USAGE_BITS.filter((_, i) => ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
}

function extendedKeyUsages(cert: pkijs.Certificate): string[] | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.37');
  if (!ext) return undefined;
  return ext.parsedValue instanceof pkijs.ExtKeyUsage ? ext.parsedValue.keyPurposes : [];
}

function subjectFields(cert: pkijs.Certificate): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const tv of cert.subject.typesAndValues) {
    const name = NAME_OIDS[tv.type] ?? tv.type;
    const value = (tv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
    if (typeof value === 'string' && !(name in fields)) fields[name] = value.normalize('NFC');
  }
  return fields;
}

// Certificates are immutable and the same few sign most documents (an agency's, its clerks', the
// CA chain): parsed forms are kept by SHA-256 of their DER, bounded so that a flood of distinct
// certificates cannot grow memory. Parsing dominates verification time otherwise.
const CACHE_SIZE = 512;
const factsCache = new Map<string, CertificateFacts>();
const x509Cache = new Map<string, X509Certificate>();

function cached<T>(cache: Map<string, T>, der: Uint8Array, parse: (der: Uint8Array) => T): T {
  const key = createHash('sha256').update(der).digest('base64');
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = parse(der);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

/** Facts of a certificate; the returned object is shared and frozen. */
export const certificateFacts = (der: Uint8Array): CertificateFacts => cached(factsCache, der, parseFacts);

/** A node:crypto view of a certificate, shared between calls; throws on unreadable DER like the constructor. */
export const x509Of = (der: Uint8Array): X509Certificate => cached(x509Cache, der, (d) => new X509Certificate(d));

function parseFacts(der: Uint8Array): CertificateFacts {
  const cert = pkijs.Certificate.fromBER(der);
  const x509 = new X509Certificate(der);
  const subject = subjectFields(cert);
  const keyUsage = keyUsageNames(cert);
  const eku = extendedKeyUsages(cert);
  const ski = cert.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue;
  const constraints = cert.extensions?.find((e) => e.extnID === '2.5.29.19')?.parsedValue;
  const basic = constraints instanceof pkijs.BasicConstraints ? constraints : undefined;
  const pathLength = typeof basic?.pathLenConstraint === 'number' ? basic.pathLenConstraint : undefined;
  const kuOk = keyUsage === undefined || keyUsage.includes('digitalSignature') || keyUsage.includes('nonRepudiation');
  const ekuOk = eku === undefined || eku.some((oid) => SIGNING_EKUS.has(oid));
  return deepFreeze({
    subject,
    ...(subject.CN ? { commonName: subject.CN } : {}),
    issuer: x509.issuer,
    serialHex: x509.serialNumber.toLowerCase(),
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    keyUsage: keyUsage ?? [],
    extendedKeyUsage: eku ?? [],
    ...(ski instanceof asn1js.OctetString ? { subjectKeyIdentifier: Buffer.from(ski.valueBlock.valueHexView).toString('hex') } : {}),
    keyUsageOk: kuOk && ekuOk,
    ca: basic?.cA === true,
    ...(pathLength !== undefined ? { pathLength } : {}),
  });
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (inner && typeof inner === 'object' && !(inner instanceof Date)) Object.freeze(inner);
  return Object.freeze(value);
}

export type Validity = 'valid' | 'expired' | 'not-yet-valid';

export function validityAt(facts: CertificateFacts, at: Date): Validity {
  if (at.getTime() < facts.notBefore.getTime()) return 'not-yet-valid';
  if (at.getTime() > facts.notAfter.getTime()) return 'expired';
  return 'valid';
}

// A test PKI shaped like the Vietnamese Government CA hierarchy (root -> "Cơ quan chứng thực số
// Chính phủ" intermediate -> organisation and personal certificates), every name marked TEST so
// nobody mistakes it for the real one. node-forge builds certificates (RSA); CRLs live in crl.ts.
import { generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { seededPrng } from './seeded-prng.ts';

/** A certificate and its private key, both PEM. */
export interface CertifiedKey {
  certificatePem: string;
  privateKeyPem: string;
}

/** Defects a test certificate can carry on purpose, one per conformance case (SG-03, SG-06). */
export type CertificateVariant = 'valid' | 'expired' | 'not-yet-valid' | 'revoked' | 'wrong-usage' | 'untrusted';

export const CERTIFICATE_VARIANTS: readonly CertificateVariant[] = [
  'valid',
  'expired',
  'not-yet-valid',
  'revoked',
  'wrong-usage',
  'untrusted',
];

export interface RevokedEntry {
  /** Serial number, lower-case hex as in the certificate. */
  serialHex: string;
  revocationDate: Date;
}

export interface TestPki {
  /** The PKI's clock: validity periods and CRL dates are computed from it. */
  now: Date;
  deterministic: boolean;
  /** Seed of the deterministic key generator (unused otherwise, kept so a folder can be extended). */
  seed: string;
  root: CertifiedKey;
  intermediate: CertifiedKey;
  /** A root nobody trusts, for the `untrusted` variant. */
  untrustedRoot: CertifiedKey;
  /** Next serial number to assign; issueCertificate advances it. */
  nextSerial: number;
  /** Certificates of the intermediate that its CRL lists. */
  revoked: RevokedEntry[];
}

export interface IssueOptions {
  /** Mã định danh of the agency, written as UID in organisation certificates. */
  agencyCode: string;
  agencyName: string;
  /** Full name of a person: issues a personal certificate (CN=<name>) instead of the organisation's. */
  signer?: string;
  variant?: CertificateVariant;
}

export interface IssuedCertificate extends CertifiedKey {
  agencyCode: string;
  agencyName: string;
  signer?: string;
  variant: CertificateVariant;
  serialHex: string;
  /** Issuer certificates from the leaf's issuer up to and including the root, PEM. */
  chainPem: string[];
}

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
/** Fixed clock of deterministic PKIs, so committed fixtures never change. */
export const DETERMINISTIC_NOW = new Date('2026-01-05T01:00:00Z');
const DEFAULT_SEED = 'truc-test-pki';

const UID_OID = '0.9.2342.19200300.100.1.1';
const TEST_ORG = 'Ban Co yeu Chinh phu (TEST - KHONG CO GIA TRI PHAP LY)';

interface NameAttribute {
  type: string;
  value: string;
}

// forge writes PrintableString unless told otherwise; Vietnamese names need UTF8String (forge
// UTF-8-encodes the value itself for that tag).
const utf8Attr = ({ type, value }: NameAttribute) => ({
  type,
  value,
  valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
});

const rootSubject: NameAttribute[] = [
  { type: '2.5.4.3', value: 'TEST Vietnam Government Root CA' },
  { type: '2.5.4.10', value: TEST_ORG },
  { type: '2.5.4.6', value: 'VN' },
];
const intermediateSubject: NameAttribute[] = [
  { type: '2.5.4.3', value: 'TEST Co quan chung thuc so Chinh phu' },
  { type: '2.5.4.10', value: TEST_ORG },
  { type: '2.5.4.6', value: 'VN' },
];
const untrustedSubject: NameAttribute[] = [
  { type: '2.5.4.3', value: 'TEST Untrusted Root CA' },
  { type: '2.5.4.10', value: 'truc untrusted issuer (TEST)' },
  { type: '2.5.4.6', value: 'VN' },
];

function generateKeys(deterministic: boolean, seed: string, label: string): forge.pki.rsa.KeyPair {
  if (deterministic) {
    return forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001, prng: seededPrng(`${seed}:${label}`) } as never);
  }
  // Native generation is ~20x faster than forge's; forge only needs the PEM.
  return forgePair(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
}

function forgePair(privateKey: KeyObject): forge.pki.rsa.KeyPair {
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

/**
 * A fresh 2048-bit key pair made on libuv's thread pool: 0.4-1 s of CPU that must not block the
 * event loop serving the axis while a run's deadlines are counting (counterpart certificates are
 * issued during runs). For issueCertificate's `keys`.
 */
export function generateLeafKeys(): Promise<forge.pki.rsa.KeyPair> {
  return new Promise((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, _publicKey, privateKey) => (error ? reject(error) : resolve(forgePair(privateKey)))),
  );
}

// A leading 01 keeps the DER INTEGER positive whatever the counter.
const serialFor = (n: number): string => `01${n.toString(16).padStart(14, '0')}`;

interface CertificateSpec {
  subject: NameAttribute[];
  issuer: { subject: forge.pki.CertificateField[]; key: forge.pki.rsa.PrivateKey; cert?: forge.pki.Certificate };
  publicKey: forge.pki.PublicKey;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  extensions: object[];
}

function buildCertificate(spec: CertificateSpec): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = spec.publicKey;
  cert.serialNumber = spec.serialHex;
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  cert.setSubject(spec.subject.map(utf8Attr) as forge.pki.CertificateField[]);
  cert.setIssuer(spec.issuer.cert ? spec.issuer.cert.subject.attributes : spec.issuer.subject);
  const aki = spec.issuer.cert ? [{ name: 'authorityKeyIdentifier', keyIdentifier: subjectKeyId(spec.issuer.cert) }] : [];
  cert.setExtensions([...spec.extensions, { name: 'subjectKeyIdentifier' }, ...aki]);
  cert.sign(spec.issuer.key, forge.md.sha256.create());
  return cert;
}

function subjectKeyId(cert: forge.pki.Certificate): string {
  return cert.generateSubjectKeyIdentifier().getBytes();
}

const caExtensions = (pathLen?: number) => [
  { name: 'basicConstraints', cA: true, critical: true, ...(pathLen === undefined ? {} : { pathLenConstraint: pathLen }) },
  { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
];

function createRoot(subject: NameAttribute[], keys: forge.pki.rsa.KeyPair, serialHex: string, now: Date): CertifiedKey {
  const cert = buildCertificate({
    subject,
    issuer: { subject: subject.map(utf8Attr) as forge.pki.CertificateField[], key: keys.privateKey },
    publicKey: keys.publicKey,
    serialHex,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + 20 * YEAR_MS),
    extensions: caExtensions(),
  });
  return { certificatePem: forge.pki.certificateToPem(cert), privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey) };
}

/** Creates the root, the intermediate and the untrusted root. Deterministic mode: fixed seed and clock. */
export function createTestPki(options: { deterministic?: boolean; now?: Date; seed?: string } = {}): TestPki {
  const deterministic = options.deterministic ?? false;
  const now = options.now ?? (deterministic ? DETERMINISTIC_NOW : new Date());
  const seed = options.seed ?? DEFAULT_SEED;
  const rootKeys = generateKeys(deterministic, seed, 'root');
  const root = createRoot(rootSubject, rootKeys, serialFor(1), now);
  const untrustedRoot = createRoot(untrustedSubject, generateKeys(deterministic, seed, 'untrusted-root'), serialFor(2), now);
  const intermediateKeys = generateKeys(deterministic, seed, 'intermediate');
  const intermediateCert = buildCertificate({
    subject: intermediateSubject,
    issuer: { subject: [], key: rootKeys.privateKey, cert: forge.pki.certificateFromPem(root.certificatePem) },
    publicKey: intermediateKeys.publicKey,
    serialHex: serialFor(3),
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + 15 * YEAR_MS),
    extensions: caExtensions(0),
  });
  return {
    now,
    deterministic,
    seed,
    root,
    intermediate: {
      certificatePem: forge.pki.certificateToPem(intermediateCert),
      privateKeyPem: forge.pki.privateKeyToPem(intermediateKeys.privateKey),
    },
    untrustedRoot,
    nextSerial: 4,
    revoked: [],
  };
}

// Real signing certificates carry digitalSignature + nonRepudiation and client/e-mail usages;
// the wrong-usage variant is a TLS server certificate, which must not sign documents.
const leafExtensions = (variant: CertificateVariant) =>
  variant === 'wrong-usage'
    ? [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', keyEncipherment: true, dataEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
      ]
    : [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
        { name: 'extKeyUsage', clientAuth: true, emailProtection: true },
      ];

function validityFor(variant: CertificateVariant, now: Date): { notBefore: Date; notAfter: Date } {
  const t = now.getTime();
  if (variant === 'expired') return { notBefore: new Date(t - 3 * YEAR_MS), notAfter: new Date(t - DAY_MS) };
  if (variant === 'not-yet-valid') return { notBefore: new Date(t + YEAR_MS), notAfter: new Date(t + 4 * YEAR_MS) };
  return { notBefore: new Date(t - DAY_MS), notAfter: new Date(t + 3 * YEAR_MS) };
}

/**
 * Issues an organisation certificate (CN=<agency name>, O=<agency name>, C=VN, UID=<code>) or, with
 * `signer`, a personal one (CN=<full name>, O=<agency name>, C=VN). Advances `pki.nextSerial` and,
 * for the `revoked` variant, adds the certificate to `pki.revoked` (rebuild the CRL afterwards).
 */
/** `keys`: made beforehand (generateLeafKeys), for non-deterministic PKIs only; otherwise generated here. */
export function issueCertificate(pki: TestPki, options: IssueOptions, keys?: forge.pki.rsa.KeyPair): IssuedCertificate {
  if (keys && pki.deterministic) throw new Error('a deterministic PKI derives its keys from its seed');
  const variant = options.variant ?? 'valid';
  const serialHex = serialFor(pki.nextSerial);
  pki.nextSerial += 1;
  const issuer = variant === 'untrusted' ? pki.untrustedRoot : pki.intermediate;
  const issuerCert = forge.pki.certificateFromPem(issuer.certificatePem);
  const leafKeys = keys ?? generateKeys(pki.deterministic, pki.seed, `leaf-${serialHex}`);
  const subject: NameAttribute[] = options.signer
    ? [
        { type: '2.5.4.3', value: options.signer },
        { type: '2.5.4.10', value: options.agencyName },
        { type: '2.5.4.6', value: 'VN' },
      ]
    : [
        { type: '2.5.4.3', value: options.agencyName },
        { type: '2.5.4.10', value: options.agencyName },
        { type: '2.5.4.6', value: 'VN' },
        { type: UID_OID, value: options.agencyCode },
      ];
  const validity = validityFor(variant, pki.now);
  const cert = buildCertificate({
    subject,
    issuer: { subject: [], key: forge.pki.privateKeyFromPem(issuer.privateKeyPem) as forge.pki.rsa.PrivateKey, cert: issuerCert },
    publicKey: leafKeys.publicKey,
    serialHex,
    ...validity,
    extensions: leafExtensions(variant),
  });
  // Revoked from its first day, so any signature it makes falls after the revocation.
  if (variant === 'revoked') pki.revoked.push({ serialHex, revocationDate: validity.notBefore });
  const chainPem = variant === 'untrusted' ? [pki.untrustedRoot.certificatePem] : [pki.intermediate.certificatePem, pki.root.certificatePem];
  return {
    certificatePem: forge.pki.certificateToPem(cert),
    privateKeyPem: forge.pki.privateKeyToPem(leafKeys.privateKey),
    agencyCode: options.agencyCode,
    agencyName: options.agencyName,
    ...(options.signer ? { signer: options.signer } : {}),
    variant,
    serialHex,
    chainPem,
  };
}

/**
 * Packs a certificate, its chain and key as PKCS#12 (what vendors' systems import). The file's
 * salts are random, so PKCS#12 output is never byte-identical; committed fixtures keep PEM instead.
 */
export function toPkcs12(issued: CertifiedKey & { chainPem: string[] }, password: string, friendlyName?: string): Uint8Array {
  const key = forge.pki.privateKeyFromPem(issued.privateKeyPem);
  const certs = [issued.certificatePem, ...issued.chainPem].map((pem) => forge.pki.certificateFromPem(pem));
  // forge reads friendlyName whenever the key is present, even undefined.
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, password, { algorithm: '3des', ...(friendlyName ? { friendlyName } : {}) });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** Reads a PKCS#12 file back into key + certificate + chain; null when the password or file is wrong. */
export function fromPkcs12(p12: Uint8Array, password: string): (CertifiedKey & { chainPem: string[] }) | null {
  try {
    const asn1 = forge.asn1.fromDer(Buffer.from(p12).toString('binary'));
    const parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
    const keyBag = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0];
    const certBags = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
    const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
    if (!key) return null;
    const certs = certBags.map((b) => b.cert).filter((c): c is forge.pki.Certificate => c !== undefined);
    const leaf = certs.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n));
    if (!leaf) return null;
    return {
      certificatePem: forge.pki.certificateToPem(leaf),
      privateKeyPem: forge.pki.privateKeyToPem(key),
      chainPem: certs.filter((c) => c !== leaf).map((c) => forge.pki.certificateToPem(c)),
    };
  } catch {
    return null;
  }
}

// What a verifier needs to know about one X.509 certificate: its subject fields (UID carries the
// agency code in the test PKI), validity and whether its key usages allow signing documents.
import { X509Certificate } from 'node:crypto';
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
  /** The key may sign documents: digitalSignature or nonRepudiation, and a signing-capable EKU if EKUs are listed. */
  keyUsageOk: boolean;
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

export function certificateFacts(der: Uint8Array): CertificateFacts {
  const cert = pkijs.Certificate.fromBER(der);
  const x509 = new X509Certificate(der);
  const subject = subjectFields(cert);
  const keyUsage = keyUsageNames(cert);
  const eku = extendedKeyUsages(cert);
  const kuOk = keyUsage === undefined || keyUsage.includes('digitalSignature') || keyUsage.includes('nonRepudiation');
  const ekuOk = eku === undefined || eku.some((oid) => SIGNING_EKUS.has(oid));
  return {
    subject,
    ...(subject.CN ? { commonName: subject.CN } : {}),
    issuer: x509.issuer,
    serialHex: x509.serialNumber.toLowerCase(),
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    keyUsage: keyUsage ?? [],
    extendedKeyUsage: eku ?? [],
    keyUsageOk: kuOk && ekuOk,
  };
}

export type Validity = 'valid' | 'expired' | 'not-yet-valid';

export function validityAt(facts: CertificateFacts, at: Date): Validity {
  if (at.getTime() < facts.notBefore.getTime()) return 'not-yet-valid';
  if (at.getTime() > facts.notAfter.getTime()) return 'expired';
  return 'valid';
}

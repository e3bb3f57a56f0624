// The certifier: the key that signs certificate.json, with its chain (certifier first). Two
// sources: a PKCS#12 file given by the certifier (`--certifier-key`/`--certifier-password`), or a
// certifier certificate issued on the spot by the run's test PKI issuing CA when that PKI has no
// certifier of its own. Both end in the same small shape, so signing does not care which.
import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import type { TestPki } from '../../edxml/signatures/pki.ts';
import { chainIsTestPki, type SignerKind } from './signer.ts';

export interface Certifier {
  privateKey: KeyObject;
  /** DER certificates, the certifier's first, then its issuers. */
  chain: Uint8Array[];
  /** self-test when the key is one the tested party can hold (the test PKI), see signer.ts. */
  kind: SignerKind;
}

export class CertifierError extends Error {
  constructor(
    readonly code: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const certDer = (cert: forge.pki.Certificate): Uint8Array =>
  Uint8Array.from(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary'));

/** Reads a PKCS#12 file: the key, its certificate first, then the other certificates of the bag. */
export function loadCertifierP12(bytes: Uint8Array, password: string): Certifier {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(Buffer.from(bytes).toString('binary')), password);
  } catch {
    throw new CertifierError(
      'CONF-CERTIFIER-P12',
      'Không đọc được tệp PKCS#12 của người chứng nhận (sai tệp hoặc sai mật khẩu)',
      'Cannot read the certifier PKCS#12 file (wrong file or wrong password)',
    );
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).flatMap((b) => (b.cert ? [b.cert] : []));
  const key = keyBags[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key || certs.length === 0) {
    throw new CertifierError(
      'CONF-CERTIFIER-P12',
      'Tệp PKCS#12 của người chứng nhận phải chứa một khoá RSA và chứng thư của nó',
      'The certifier PKCS#12 file must hold an RSA key and its certificate',
    );
  }
  const matches = (c: forge.pki.Certificate) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n !== undefined && pub.n.equals(key.n) && pub.e.equals(key.e);
  };
  const own = certs.find(matches);
  if (!own) {
    throw new CertifierError('CONF-CERTIFIER-P12', 'Không có chứng thư khớp với khoá trong tệp PKCS#12', 'No certificate in the PKCS#12 file matches its key');
  }
  const chain = [own, ...certs.filter((c) => c !== own)].map(certDer);
  // A key issued under a test PKI stays a self-test whatever flag brought it in.
  return { privateKey: createPrivateKey(forge.pki.privateKeyToPem(key)), chain, kind: chainIsTestPki(chain) ? 'self-test' : 'certifier' };
}

export interface IssuingCa {
  certificatePem: string;
  privateKeyPem: string;
  /** The CA's own issuers (PEM), up to the root, appended to the certifier chain. */
  chainPem?: string[];
}

/**
 * Issues a certifier certificate (digitalSignature, nonRepudiation) under the test PKI's issuing
 * CA. Used when the PKI folder has no certifier yet; the key pair is made by node:crypto (fast)
 * and the certificate by node-forge.
 */
export function issueCertifierFromCa(ca: IssuingCa, commonName = 'truc certifier', now = new Date(), kind: SignerKind = 'certifier'): Certifier {
  const caCert = forge.pki.certificateFromPem(ca.certificatePem);
  if (caCert.validity.notAfter.getTime() <= now.getTime() || caCert.validity.notBefore.getTime() > now.getTime()) {
    throw new CertifierError(
      'CONF-CERTIFIER-CA-EXPIRED',
      'CA phát hành của bộ PKI thử nghiệm không còn hiệu lực; không cấp được chứng thư người chứng nhận',
      'The test PKI issuing CA is not valid now; cannot issue a certifier certificate',
    );
  }
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const caKey = forge.pki.privateKeyFromPem(ca.privateKeyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(Math.min(now.getTime() + 2 * 365 * 86_400_000, caCert.validity.notAfter.getTime()));
  cert.setSubject([
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'truc conformance certifier' },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  const issuers = [ca.certificatePem, ...(ca.chainPem ?? [])].map((pem) => certDer(forge.pki.certificateFromPem(pem)));
  const chain = [certDer(cert), ...issuers];
  return { privateKey, chain, kind: kind === 'self-test' || chainIsTestPki(chain) ? 'self-test' : 'certifier' };
}

/**
 * The default signer of a run: one issued per run under the test PKI's intermediate. The tested
 * party holds that PKI folder, so this is always a self-test signature (signer.ts), never a
 * certification.
 */
export const certifierFromTestPki = (pki: Pick<TestPki, 'intermediate' | 'root'>, now = new Date()): Certifier =>
  issueCertifierFromCa(
    { certificatePem: pki.intermediate.certificatePem, privateKeyPem: pki.intermediate.privateKeyPem, chainPem: [pki.root.certificatePem] },
    'truc certifier',
    now,
    'self-test',
  );

// CRLs of the test PKI. node-forge cannot build CRLs; pkijs can, signing through WebCrypto.
import { createPrivateKey, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CertifiedKey, RevokedEntry, TestPki } from './pki.ts';
import { pemToDer } from './pem.ts';

const CRL_LIFETIME_MS = 30 * 86_400_000;

function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex'));
}

async function importSigningKey(privateKeyPem: string): Promise<webcrypto.CryptoKey> {
  const pkcs8 = createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'der' });
  return webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
}

/** Builds and signs a v2 CRL of `issuer` listing `revoked`, dated from the PKI clock. Returns DER. */
export async function buildCrlFor(issuer: CertifiedKey, revoked: readonly RevokedEntry[], thisUpdate: Date, crlNumber: number): Promise<Uint8Array> {
  const issuerCert = pkijs.Certificate.fromBER(pemToDer(issuer.certificatePem));
  const ski = issuerCert.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue as asn1js.OctetString | undefined;
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = issuerCert.subject;
  crl.thisUpdate = new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: thisUpdate });
  crl.nextUpdate = new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: new Date(thisUpdate.getTime() + CRL_LIFETIME_MS) });
  if (revoked.length > 0) {
    crl.revokedCertificates = revoked.map(
      (r) =>
        new pkijs.RevokedCertificate({
          userCertificate: new asn1js.Integer({ valueHex: hexToBytes(r.serialHex) }),
          revocationDate: new pkijs.Time({ type: pkijs.TimeType.UTCTime, value: r.revocationDate }),
        }),
    );
  }
  const extensions = [new pkijs.Extension({ extnID: '2.5.29.20', extnValue: new asn1js.Integer({ value: crlNumber }).toBER(false) })];
  if (ski) {
    const aki = new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: ski.valueBlock.valueHexView }) });
    extensions.push(new pkijs.Extension({ extnID: '2.5.29.35', extnValue: aki.toSchema().toBER(false) }));
  }
  crl.crlExtensions = new pkijs.Extensions({ extensions });
  const crypto = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as never });
  await crl.sign((await importSigningKey(issuer.privateKeyPem)) as never, 'SHA-256', crypto);
  return new Uint8Array(crl.toSchema(true).toBER(false));
}

/**
 * The CRL of the test PKI's intermediate: the revocation data of every trusted test certificate.
 * Its CRL number must grow with each new CRL (RFC 5280 §5.2.3): issue time in seconds, then the
 * serial counter, which grows with every certificate issued at the same instant.
 */
export function buildCrl(pki: TestPki, revoked: readonly RevokedEntry[] = pki.revoked): Promise<Uint8Array> {
  const crlNumber = Math.floor(pki.now.getTime() / 1000) * 1000 + (pki.nextSerial % 1000);
  return buildCrlFor(pki.intermediate, revoked, pki.now, crlNumber);
}

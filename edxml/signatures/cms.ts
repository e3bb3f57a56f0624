// Verification of a detached CMS SignedData (the /Contents of a PDF signature): the digest of the
// signed bytes against the messageDigest attribute, then the signature over the signed attributes.
// pkijs + asn1js parse; node:crypto hashes and verifies (much faster than WebCrypto round-trips).
import { constants, createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
// Signature algorithms that name their own digest (used when the SignerInfo digest is absent or differs).
const SIGNATURE_DIGESTS: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};
const RSA_PSS = '1.2.840.113549.1.1.10';
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';

export type CmsIntegrity = 'ok' | 'digest-mismatch' | 'signature-invalid' | 'malformed';

export interface CmsVerification {
  integrity: CmsIntegrity;
  /** Why integrity is not ok, in English, for evidence. */
  detail?: string;
  digestAlgorithm?: string;
  signingTime?: Date;
  signer?: X509Certificate;
  /** Every certificate carried in the CMS (the signer's included). */
  certificates: X509Certificate[];
}

function findSigner(signerInfo: pkijs.SignerInfo, certs: pkijs.Certificate[]): pkijs.Certificate | undefined {
  const sid = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  const keyId = Buffer.from((sid as asn1js.OctetString).valueBlock.valueHexView);
  return certs.find((c) => {
    const ski = c.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue as asn1js.OctetString | undefined;
    return ski !== undefined && keyId.equals(Buffer.from(ski.valueBlock.valueHexView));
  });
}

function attributeValue(signerInfo: pkijs.SignerInfo, oid: string): unknown {
  return signerInfo.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];
}

function verifySignatureValue(algorithm: string, digest: string, data: Uint8Array, key: KeyObject, signature: Uint8Array): boolean {
  try {
    if (algorithm === RSA_PSS) {
      return verify(digest, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, signature);
    }
    return verify(digest, data, key, signature);
  } catch {
    return false;
  }
}

/** Verifies `contents` (DER CMS, trailing zero padding allowed) over the concatenation of `signedParts`. */
export function verifyDetachedCms(contents: Uint8Array, signedParts: readonly Uint8Array[]): CmsVerification {
  let signedData: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(contents);
    if (info.contentType !== SIGNED_DATA) return { integrity: 'malformed', detail: `content type ${info.contentType} is not SignedData`, certificates: [] };
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch (e) {
    return { integrity: 'malformed', detail: `CMS cannot be parsed: ${e instanceof Error ? e.message : String(e)}`, certificates: [] };
  }
  const pkiCerts = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const certificates: X509Certificate[] = [];
  for (const c of pkiCerts) {
    try {
      certificates.push(new X509Certificate(new Uint8Array(c.toSchema().toBER(false))));
    } catch {
      // A certificate Node cannot read cannot be part of a chain either.
    }
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) return { integrity: 'malformed', detail: 'no SignerInfo', certificates };
  const signerPki = findSigner(signerInfo, pkiCerts);
  const signer = signerPki ? certificates[pkiCerts.indexOf(signerPki)] : undefined;
  const digestAlgorithm = DIGESTS[signerInfo.digestAlgorithm.algorithmId] ?? SIGNATURE_DIGESTS[signerInfo.signatureAlgorithm.algorithmId];
  const time = attributeValue(signerInfo, SIGNING_TIME);
  const signingTime = time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime ? time.toDate() : undefined;
  const base = { certificates, ...(signer ? { signer } : {}), ...(digestAlgorithm ? { digestAlgorithm } : {}), ...(signingTime ? { signingTime } : {}) };
  if (!digestAlgorithm) return { ...base, integrity: 'malformed', detail: `unknown digest ${signerInfo.digestAlgorithm.algorithmId}` };
  if (!signer) return { ...base, integrity: 'malformed', detail: 'the signer certificate is not in the CMS' };

  const hash = createHash(digestAlgorithm);
  for (const part of signedParts) hash.update(part);
  const digest = hash.digest();
  let data: Uint8Array;
  if (signerInfo.signedAttrs) {
    const declared = attributeValue(signerInfo, MESSAGE_DIGEST);
    if (!(declared instanceof asn1js.OctetString)) return { ...base, integrity: 'malformed', detail: 'no messageDigest attribute' };
    if (!digest.equals(Buffer.from(declared.valueBlock.valueHexView))) {
      return { ...base, integrity: 'digest-mismatch', detail: 'the signed bytes do not match the messageDigest attribute' };
    }
    data = new Uint8Array(signerInfo.signedAttrs.encodedValue);
  } else {
    data = Buffer.concat(signedParts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
  }
  const signature = signerInfo.signature.valueBlock.valueHexView;
  if (!verifySignatureValue(signerInfo.signatureAlgorithm.algorithmId, digestAlgorithm, data, signer.publicKey, signature)) {
    return { ...base, integrity: signerInfo.signedAttrs ? 'signature-invalid' : 'digest-mismatch', detail: 'the CMS signature value does not verify' };
  }
  return { ...base, integrity: 'ok' };
}

// Verification of a detached CMS SignedData (the /Contents of a PDF signature): the digest of the
// signed bytes against the messageDigest attribute, then the signature over the signed attributes.
// node:crypto hashes and verifies. The structure is read with node-forge's DER reader: asn1js
// (used by pkijs) takes ~5 ms per CMS because it speculatively decodes every OCTET/BIT STRING,
// more than hashing the whole 1 MB PDF; forge's reader takes a tenth of that. pkijs still reads
// certificate details (cached) and CRLs.
import { constants, createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { certificateFacts, x509Of } from './certificate-facts.ts';

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
// Signature algorithms that name their own digest (used when the SignerInfo digest is unknown).
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
/** id-aa-signatureTimeStampToken (RFC 3161 appendix A): a time stamping authority vouches for the time. */
const SIGNATURE_TIMESTAMP_TOKEN = '1.2.840.113549.1.9.16.2.14';

export type CmsIntegrity = 'ok' | 'digest-mismatch' | 'signature-invalid' | 'malformed';

export interface CmsVerification {
  integrity: CmsIntegrity;
  /** Why integrity is not ok, in English, for evidence. */
  detail?: string;
  digestAlgorithm?: string;
  signingTime?: Date;
  /** An unsigned signatureTimeStampToken attribute is present (its presence only: not verified here). */
  timestampToken: boolean;
  signer?: X509Certificate;
  /** Every certificate carried in the CMS (the signer's included). */
  certificates: X509Certificate[];
}

type Node = forge.asn1.Asn1;
const { Class, Type } = forge.asn1;

const children = (node: Node | undefined): Node[] => (node && Array.isArray(node.value) ? (node.value as Node[]) : []);
const bytesOf = (node: Node | undefined): Buffer => Buffer.from(node && typeof node.value === 'string' ? node.value : '', 'binary');
const oidOf = (node: Node | undefined): string => (node && typeof node.value === 'string' ? forge.asn1.derToOid(node.value) : '');
const isContext = (node: Node, tag: number) => node.tagClass === Class.CONTEXT_SPECIFIC && node.type === tag;
const der = (node: Node): Buffer => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');

class MalformedCms extends Error {}

interface SignerInfoFields {
  sid: { serialHex: string } | { keyId: Buffer };
  digestOid: string;
  /** DER of the signed attributes as a SET (what RFC 5652 §5.4 says is signed), if present. */
  signedAttributes?: Buffer;
  attributes: Map<string, Node>;
  signatureOid: string;
  signature: Buffer;
  /** Types of the unsigned attributes ([1] after the signature). */
  unsignedTypes: string[];
}

function readSignerInfo(node: Node): SignerInfoFields {
  const [, sidNode, digestAlg, ...rest] = children(node);
  if (!sidNode || !digestAlg) throw new MalformedCms('SignerInfo is incomplete');
  const sid = isContext(sidNode, 0) ? { keyId: bytesOf(sidNode) } : { serialHex: bytesOf(children(sidNode)[1]).toString('hex') };
  const attrsNode = rest[0] && isContext(rest[0], 0) ? rest.shift() : undefined;
  const [signatureAlg, signatureNode, unsignedNode] = rest;
  if (!signatureAlg || !signatureNode) throw new MalformedCms('SignerInfo has no signature');
  const attributes = new Map<string, Node>();
  let signedAttributes: Buffer | undefined;
  if (attrsNode) {
    for (const attribute of children(attrsNode)) {
      const [type, values] = children(attribute);
      const first = children(values)[0];
      if (first) attributes.set(oidOf(type), first);
    }
    // The [0] IMPLICIT tag is replaced by the SET tag before verifying.
    const asSet = forge.asn1.create(Class.UNIVERSAL, Type.SET, true, children(attrsNode));
    signedAttributes = der(asSet);
  }
  return {
    sid,
    digestOid: oidOf(children(digestAlg)[0]),
    ...(signedAttributes ? { signedAttributes } : {}),
    attributes,
    signatureOid: oidOf(children(signatureAlg)[0]),
    signature: bytesOf(signatureNode),
    unsignedTypes: unsignedNode && isContext(unsignedNode, 1) ? children(unsignedNode).map((a) => oidOf(children(a)[0])) : [],
  };
}

function readSignedData(contents: Uint8Array): { certificates: Buffer[]; signerInfo: SignerInfoFields } {
  // /Contents is zero-padded to its placeholder size: read the first DER value only.
  const root = forge.asn1.fromDer(Buffer.from(contents).toString('binary'), { parseAllBytes: false, decodeBitStrings: false, strict: false } as never);
  const [typeNode, explicit] = children(root);
  if (oidOf(typeNode) !== SIGNED_DATA) throw new MalformedCms(`content type ${oidOf(typeNode) || '?'} is not SignedData`);
  const signedData = children(explicit)[0];
  const parts = children(signedData);
  const certSet = parts.find((n) => isContext(n, 0));
  const signerInfos = parts[parts.length - 1];
  const first = children(signerInfos)[0];
  if (!first || signerInfos.type !== Type.SET) throw new MalformedCms('no SignerInfo');
  return { certificates: children(certSet).filter((n) => n.type === Type.SEQUENCE).map(der), signerInfo: readSignerInfo(first) };
}

function findSigner(sid: SignerInfoFields['sid'], certificates: X509Certificate[]): X509Certificate | undefined {
  if ('serialHex' in sid) {
    const serial = sid.serialHex.replace(/^0+/, '').toUpperCase();
    return certificates.find((c) => c.serialNumber.replace(/^0+/, '').toUpperCase() === serial);
  }
  return certificates.find((c) => certificateFacts(c.raw).subjectKeyIdentifier === sid.keyId.toString('hex'));
}

function timeOf(node: Node | undefined): Date | undefined {
  if (!node || typeof node.value !== 'string') return undefined;
  if (node.type === Type.UTCTIME) return forge.asn1.utcTimeToDate(node.value);
  if (node.type === Type.GENERALIZEDTIME) return forge.asn1.generalizedTimeToDate(node.value);
  return undefined;
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
  let parsed: ReturnType<typeof readSignedData>;
  try {
    parsed = readSignedData(contents);
  } catch (e) {
    const detail = e instanceof MalformedCms ? e.message : `CMS cannot be parsed: ${e instanceof Error ? e.message : String(e)}`;
    return { integrity: 'malformed', detail, certificates: [], timestampToken: false };
  }
  const certificates: X509Certificate[] = [];
  for (const raw of parsed.certificates) {
    try {
      const cert = x509Of(raw);
      // Touch what later steps read, so a damaged certificate is dropped here, not thrown there.
      void cert.publicKey;
      certificateFacts(raw);
      certificates.push(cert);
    } catch {
      // A certificate that cannot be read cannot sign or be part of a chain either.
    }
  }
  const info = parsed.signerInfo;
  const signer = findSigner(info.sid, certificates);
  const digestAlgorithm = DIGESTS[info.digestOid] ?? SIGNATURE_DIGESTS[info.signatureOid];
  const signingTime = timeOf(info.attributes.get(SIGNING_TIME));
  const timestampToken = info.unsignedTypes.includes(SIGNATURE_TIMESTAMP_TOKEN);
  const base = { certificates, timestampToken, ...(signer ? { signer } : {}), ...(digestAlgorithm ? { digestAlgorithm } : {}), ...(signingTime ? { signingTime } : {}) };
  if (!digestAlgorithm) return { ...base, integrity: 'malformed', detail: `unknown digest ${info.digestOid}` };
  if (!signer) return { ...base, integrity: 'malformed', detail: 'the signer certificate is not in the CMS' };

  const hash = createHash(digestAlgorithm);
  for (const part of signedParts) hash.update(part);
  const digest = hash.digest();
  let data: Uint8Array;
  if (info.signedAttributes) {
    const declared = info.attributes.get(MESSAGE_DIGEST);
    if (!declared || declared.type !== Type.OCTETSTRING) return { ...base, integrity: 'malformed', detail: 'no messageDigest attribute' };
    if (!digest.equals(bytesOf(declared))) {
      return { ...base, integrity: 'digest-mismatch', detail: 'the signed bytes do not match the messageDigest attribute' };
    }
    data = info.signedAttributes;
  } else {
    data = Buffer.concat(signedParts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)));
  }
  if (!verifySignatureValue(info.signatureOid, digestAlgorithm, data, signer.publicKey, info.signature)) {
    return { ...base, integrity: info.signedAttributes ? 'signature-invalid' : 'digest-mismatch', detail: 'the CMS signature value does not verify' };
  }
  return { ...base, integrity: 'ok' };
}

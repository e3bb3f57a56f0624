// The optional enveloped XML signature on a packet, signed and verified with
// xml-crypto over @xmldom/xmldom. What the wild does wrong (SHA-1, the invalid exc-c14n URI, a
// Signature outside the XMLDSig namespace, copied placeholder values) is reported, not crashed on.
import { X509Certificate } from 'node:crypto';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import type { Finding } from '../finding.ts';
import { report } from '../rule.ts';
import { QCVN_NS } from '../types.ts';
import { certificateFacts } from './certificate-facts.ts';
import { certificateFindings, judgeCertificate } from './certificate-judgement.ts';
import { SignatureError } from './errors.ts';
import type { PacketSignatureContext } from './index.ts';
import { sigRules } from './rules.ts';

export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
/** Seen in real packets; not a W3C algorithm URI, read as exclusive C14N with a warning. */
const INVALID_EXC_C14N = 'http://www.w3.org/TR/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const HEADER_XPATH = `//*[local-name(.)='edXMLHeader' and namespace-uri(.)='${QCVN_NS}']`;

const hasDoctype = (xml: string): boolean => /<!DOCTYPE/i.test(xml);

interface ParsedPacket {
  doc: ReturnType<DOMParser['parseFromString']>;
  headers: Element[];
  /** Every packet Signature, in edXMLHeader or misplaced (envelope, root, MessageHeader), as parse.ts reads them. */
  signatures: Element[];
}

function parsePacket(xml: string): ParsedPacket | string {
  if (hasDoctype(xml)) return 'the packet contains a DOCTYPE';
  const errors: string[] = [];
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({ onError: (level, message) => (level === 'warning' ? undefined : errors.push(message)) }).parseFromString(xml, 'text/xml');
  } catch (e) {
    // xmldom throws on fatal errors (e.g. no root element) after reporting them.
    return `the packet is not well-formed XML (${e instanceof Error ? e.message : String(e)})`;
  }
  if (errors.length > 0 || !doc.documentElement) return `the packet is not well-formed XML (${errors[0] ?? 'no root'})`;
  const headers = Array.from(doc.getElementsByTagNameNS(QCVN_NS, 'edXMLHeader'));
  const root = doc.documentElement;
  const places = [...headers, ...Array.from(doc.getElementsByTagNameNS(QCVN_NS, 'edXMLEnvelope')), root, ...Array.from(doc.getElementsByTagNameNS(QCVN_NS, 'MessageHeader'))];
  const signatures = [...new Set(places)].flatMap(signatureChildren);
  return { doc, headers, signatures };
}

const signatureChildren = (parent: Element): Element[] =>
  Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === 'Signature');

const directChildren = (parent: Element, localName: string): Element[] =>
  Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === localName && (n as Element).namespaceURI === XMLDSIG_NS);

/**
 * The signature covers the whole document: a Reference with URI="" (the document) and the
 * enveloped-signature transform. A Reference to one element (URI="#id") leaves the rest, the
 * attachments included, unsigned, however valid its digest.
 */
function coversWholeDocument(signature: Element): boolean {
  const signedInfo = directChildren(signature, 'SignedInfo')[0];
  if (!signedInfo) return false;
  return directChildren(signedInfo, 'Reference').some((reference) => {
    if (reference.getAttribute('URI') !== '') return false;
    const transforms = directChildren(reference, 'Transforms').flatMap((t) => directChildren(t, 'Transform'));
    return transforms.some((t) => t.getAttribute('Algorithm') === ENVELOPED);
  });
}

/**
 * Signs a packet: enveloped XMLDSig as the last child of edXMLHeader, exclusive C14N, RSA-SHA256,
 * SHA-256 digest over the whole document (AttachmentEncoded included), certificates in KeyInfo.
 * An existing header Signature is replaced. Returns UTF-8 bytes.
 */
export function signPacket(xml: string | Uint8Array, privateKeyPem: string, certChainPem: readonly string[]): Uint8Array {
  const text = typeof xml === 'string' ? xml : Buffer.from(xml).toString('utf8');
  const parsed = parsePacket(text);
  if (typeof parsed === 'string') {
    throw new SignatureError('SIG-XML-UNREADABLE', `Không đọc được gói tin để ký: ${parsed}.`, `The packet cannot be read for signing: ${parsed}.`);
  }
  if (parsed.headers.length !== 1) {
    throw new SignatureError('SIG-XML-NO-HEADER', 'Gói tin không có đúng một phần tử edXMLHeader.', 'The packet does not have exactly one edXMLHeader element.');
  }
  let unsigned = text;
  const existing = signatureChildren(parsed.headers[0]);
  if (existing.length > 0) {
    for (const node of existing) parsed.headers[0].removeChild(node);
    unsigned = new XMLSerializer().serializeToString(parsed.doc);
  }
  const sig = new SignedXml({
    privateKey: privateKeyPem,
    publicCert: certChainPem.join('\n'),
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
  });
  sig.addReference({ xpath: '/*', transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: SHA256, uri: '', isEmptyUri: true });
  sig.computeSignature(unsigned, { location: { reference: HEADER_XPATH, action: 'append' } });
  return Uint8Array.from(Buffer.from(sig.getSignedXml(), 'utf8'));
}

const algorithmsIn = (signature: Element, localName: string): string[] =>
  Array.from(signature.getElementsByTagNameNS(XMLDSIG_NS, localName)).map((e) => e.getAttribute('Algorithm') ?? '');

function certificatesIn(signature: Element): X509Certificate[] | string {
  const certs: X509Certificate[] = [];
  for (const node of Array.from(signature.getElementsByTagNameNS(XMLDSIG_NS, 'X509Certificate'))) {
    try {
      const der = Buffer.from((node.textContent ?? '').replace(/\s+/g, ''), 'base64');
      const cert = new X509Certificate(der);
      // Touch what later steps read, so a damaged certificate is reported here, not thrown there.
      void cert.publicKey;
      certificateFacts(der);
      certs.push(cert);
    } catch {
      return 'a KeyInfo X509Certificate cannot be read';
    }
  }
  return certs.length > 0 ? certs : 'KeyInfo carries no X509Certificate';
}

const certificatePem = (cert: X509Certificate): string => cert.toString();

/** Checks the signature value and references; returns why it fails, or undefined when it verifies. */
function checkValue(xml: string, signature: Element, signerPem: string): string | undefined {
  const sig = new SignedXml({ publicCert: signerPem });
  sig.CanonicalizationAlgorithms[INVALID_EXC_C14N] = ExclusiveCanonicalization;
  try {
    sig.loadSignature(signature.toString());
    return sig.checkSignature(xml) ? undefined : 'a Reference digest does not match the document';
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // xml-crypto quotes the whole SignatureValue in this message; the finding needs only the fact.
    return message.startsWith('invalid signature') ? 'the SignatureValue does not verify with the KeyInfo certificate' : message;
  }
}

export async function verifyPacketSignature(xml: string, ctx: PacketSignatureContext): Promise<Finding[]> {
  const parsed = parsePacket(xml);
  if (typeof parsed === 'string') return [report(sigRules.xmlSignatureInvalid, ctx.path, { detail: parsed })];
  const findings: Finding[] = [];
  // A misplaced Signature is verified like one in edXMLHeader (the enveloped transform removes it
  // wherever it is): moving a signature must never be a way around its verification.
  for (const signature of parsed.signatures) {
    if (signature.namespaceURI !== XMLDSIG_NS) {
      findings.push(report(sigRules.xmlSignatureNamespace, ctx.path, { namespace: signature.namespaceURI ?? '' }));
      continue;
    }
    const algorithms = [...algorithmsIn(signature, 'SignatureMethod'), ...algorithmsIn(signature, 'DigestMethod')];
    if (algorithms.some((a) => /sha1$/i.test(a))) findings.push(report(sigRules.weakDigest, ctx.path));
    const c14n = [...algorithmsIn(signature, 'CanonicalizationMethod'), ...algorithmsIn(signature, 'Transform')];
    if (c14n.includes(INVALID_EXC_C14N)) findings.push(report(sigRules.invalidExcC14nUri, ctx.path));
    if (!coversWholeDocument(signature)) findings.push(report(sigRules.xmlSignaturePartial, ctx.path));
    const certs = certificatesIn(signature);
    if (typeof certs === 'string') {
      findings.push(report(sigRules.xmlSignatureInvalid, ctx.path, { detail: certs }));
      continue;
    }
    // KeyInfo may list the chain in any order: the signer is the certificate no other one was issued by.
    const signer = certs.find((c) => !certs.some((other) => other !== c && other.checkIssued(c))) ?? certs[0];
    const failure = checkValue(xml, signature, certificatePem(signer));
    if (failure) findings.push(report(sigRules.xmlSignatureInvalid, ctx.path, { detail: failure }));
    const judgement = await judgeCertificate(signer, certs, ctx, ctx.now ?? new Date());
    findings.push(...certificateFindings(judgement, ctx.path));
  }
  return findings;
}

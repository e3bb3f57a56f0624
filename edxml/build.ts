// The one packet writer: UTF-8, one-line base64, the same bytes for the same input (element order
// comes from layout.ts, never from object key order), and the namespace layout of VNPT's Java SDK.
// Most agency systems read packets with that SDK, whose parser (JAXP defaults, namespace-unaware,
// then JDOM2's DOMBuilder) throws IllegalAddException on a prefixed root that also declares the
// default namespace. So the writer copies the SDK's own output: an unprefixed root declaring only
// the default namespace, `xmlns:edXML` on edXMLEnvelope with every QCVN element below it prefixed,
// AttachmentEncoded and its payload fields unprefixed, and ContentTransferEncoded prefixed with its
// own declaration.
import { XMLBuilder } from 'fast-xml-parser';
import {
  ATTACHMENT_FIELDS,
  CODE_FIELDS,
  DOCUMENT_TYPE_FIELDS,
  ENCODED_ELEMENT,
  ORGANIZATION_FIELDS,
  OTHER_INFO_FIELDS,
  PROMULGATION_FIELDS,
  REFERENCE_FIELDS,
  RESPONSE_FOR_FIELDS,
  SIGNER_FIELDS,
  STAFF_FIELDS,
  TRACE_FIELDS,
} from './layout.ts';
import {
  QCVN_NS,
  type Business,
  type EdocPacket,
  type ExtensionElement,
  type MessageHeader,
  type Packet,
  type StatusPacket,
} from './types.ts';

/** fast-xml-parser's ordered node shape: `{ name: children, ':@': attributes }` or `{ '#text': value }`. */
type XmlNode = Record<string, unknown>;

/** The prefix the SDK binds on edXMLEnvelope (and again on each ContentTransferEncoded). */
const PREFIX = 'edXML:';
const q = (name: string) => `${PREFIX}${name}`;

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

const text = (value: string): XmlNode[] => [{ '#text': value }];

function element(name: string, children: XmlNode[], attributes?: Record<string, string>): XmlNode {
  const node: XmlNode = { [name]: children };
  if (attributes && Object.keys(attributes).length > 0) node[':@'] = attributes;
  return node;
}

type Fields = readonly (readonly [string, string])[];

/** Leaf elements for the fields that are present, in layout order; `name` maps to the written name. */
function leaves<T extends object>(value: T | undefined, fields: Fields, name: (n: string) => string = q): XmlNode[] {
  if (!value) return [];
  const out: XmlNode[] = [];
  for (const [field, element_] of fields) {
    const v = (value as Record<string, unknown>)[field];
    if (typeof v === 'string') out.push(element(name(element_), text(v)));
  }
  return out;
}

/** An envelope group element, omitted when absent (absent stays absent on re-parse). */
function group<T extends object>(name: string, value: T | undefined, fields: Fields): XmlNode[] {
  if (!value) return [];
  return [element(q(name), leaves(value, fields))];
}

const leaf = (name: string, value: string | undefined): XmlNode[] => (value === undefined ? [] : [element(q(name), text(value))]);

/**
 * An element kept from a parsed packet, written inside the envelope. A QCVN element takes the bound
 * `edXML:` prefix; an element of another namespace is written unprefixed and declares its namespace
 * as the default when the scope's default differs (as the XMLDSig Signature does). Other attributes,
 * prefix declarations included, stay as written.
 */
function extension(ext: ExtensionElement, defaultNs: string): XmlNode {
  const ns = ext.namespace ?? QCVN_NS;
  const attributes = { ...ext.attributes };
  let inner = defaultNs;
  if (ns === QCVN_NS) {
    if (attributes.xmlns !== undefined) inner = attributes.xmlns;
  } else {
    if (ns !== defaultNs || attributes.xmlns !== undefined) attributes.xmlns = ns;
    inner = ns;
  }
  const children: XmlNode[] = ext.children.map((c) => extension(c, inner));
  if (ext.text !== undefined) children.unshift({ '#text': ext.text });
  return element(ns === QCVN_NS ? q(ext.name) : ext.name, children, attributes);
}

function messageHeader(h: MessageHeader): XmlNode {
  const other = h.otherInfo ? leaves(h.otherInfo, OTHER_INFO_FIELDS) : [];
  if (h.otherInfo && h.otherInfo.appendixes.length > 0) {
    other.push(element(q('Appendixes'), h.otherInfo.appendixes.map((a) => element(q('Appendix'), text(a)))));
  }
  return element(q('MessageHeader'), [
    ...group('From', h.from, ORGANIZATION_FIELDS),
    ...h.to.map((o) => element(q('To'), leaves(o, ORGANIZATION_FIELDS))),
    ...leaf('DocumentId', h.documentId),
    ...group('Code', h.code, CODE_FIELDS),
    ...group('PromulgationInfo', h.promulgationInfo, PROMULGATION_FIELDS),
    ...group('DocumentType', h.documentType, DOCUMENT_TYPE_FIELDS),
    ...leaf('Subject', h.subject),
    ...leaf('Content', h.content),
    ...group('SignerInfo', h.signerInfo, SIGNER_FIELDS),
    ...leaf('DueDate', h.dueDate),
    ...(h.toPlaces.length > 0 ? [element(q('ToPlaces'), h.toPlaces.map((p) => element(q('Place'), text(p))))] : []),
    ...(h.otherInfo ? [element(q('OtherInfo'), other)] : []),
    ...h.responseFor.map((r) => element(q('ResponseFor'), leaves(r, RESPONSE_FOR_FIELDS))),
    ...leaf('SteeringType', h.steeringType),
    ...h.extensions.map((e) => extension(e, QCVN_NS)),
  ]);
}

function business(b: Business): XmlNode {
  const children: XmlNode[] = [
    ...leaf('BussinessDocType', b.bussinessDocType),
    ...leaf('BussinessDocReason', b.bussinessDocReason),
    ...leaf('DocumentId', b.documentId),
    ...leaf('Paper', b.paper),
    ...group('StaffInfo', b.staffInfo, STAFF_FIELDS),
  ];
  if (b.documentInfo) {
    const info: XmlNode[] = [
      ...leaf('DocumentInfo', b.documentInfo.documentInfo),
      ...leaf('DocumentReceiver', b.documentInfo.documentReceiver),
    ];
    if (b.documentInfo.receivers.length > 0) {
      const receivers = b.documentInfo.receivers.map((r) =>
        element(q('Receiver'), leaves(r, [['organId', 'OrganId'], ['receiverType', 'ReceiverType']])),
      );
      info.push(element(q('ReceiverList'), receivers));
    }
    children.push(element(q('BussinessDocumentInfo'), info));
  }
  if (b.replacements.length > 0) {
    const entries = b.replacements.map((r) =>
      element(q('ReplacementInfo'), [
        ...leaf('DocumentId', r.documentId),
        element(q('OrganIdList'), r.organIds.map((id) => element(q('OrganId'), text(id)))),
      ]),
    );
    children.push(element(q('ReplacementInfoList'), entries));
  }
  return element(q('Bussiness'), children);
}

const envelope = (children: XmlNode[]): XmlNode => element(q('edXMLEnvelope'), children, { 'xmlns:edXML': QCVN_NS });

/** A payload: unprefixed fields, then the prefixed body declaring its own prefix, as the SDK writes it. */
const payload = (a: EdocPacket['attachments'][number]): XmlNode =>
  element('Attachment', [
    ...leaves(a, ATTACHMENT_FIELDS, (n) => n),
    element(q(ENCODED_ELEMENT), text(a.encoded), { 'xmlns:edXML': QCVN_NS }),
  ]);

function edocEnvelope(p: EdocPacket): XmlNode[] {
  const header: XmlNode[] = [messageHeader(p.header)];
  if (p.traceHeaders.length > 0 || p.business) {
    const trace = p.traceHeaders.map((t) => element(q('TraceHeader'), leaves(t, TRACE_FIELDS)));
    if (p.business) trace.push(business(p.business));
    header.push(element(q('TraceHeaderList'), trace));
  }
  if (p.signature) header.push(extension(p.signature, QCVN_NS));
  const references = p.manifest.map((r) => element(q('Reference'), leaves(r, REFERENCE_FIELDS)));
  const body = element(q('edXMLBody'), [element(q('edXMLManifest'), references, { version: '1.0' })]);
  return [envelope([element(q('edXMLHeader'), header), body]), element('AttachmentEncoded', p.attachments.map(payload))];
}

function statusEnvelope(p: StatusPacket): XmlNode[] {
  const h = p.header;
  const children: XmlNode[] = [
    ...group('From', h.from, ORGANIZATION_FIELDS),
    ...group('ResponseFor', h.responseFor, RESPONSE_FOR_FIELDS),
    ...group('StaffInfo', h.staffInfo, STAFF_FIELDS),
    ...leaf('StatusCode', h.statusCode),
    ...leaf('Description', h.description),
    ...leaf('Timestamp', h.timestamp),
    ...h.extensions.map((e) => extension(e, QCVN_NS)),
  ];
  return [envelope([element(q('edXMLHeader'), [element(q('MessageHeader'), children)])])];
}

/** Serialises a packet in the SDK's layout: deterministic UTF-8 bytes, one-line base64. */
export function buildPacket(packet: Packet): Uint8Array {
  const content = packet.kind === 'edoc' ? edocEnvelope(packet) : statusEnvelope(packet);
  const root = element('edXML', content, { xmlns: QCVN_NS });
  const xml = builder.build([root]) as string;
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${xml.trimStart()}`);
}

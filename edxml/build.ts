// Packet writer: the canonical layout of docs/validate.md, UTF-8, one-line base64, and the same bytes
// for the same input (element order comes from layout.ts, never from object key order).
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

const PREFIX = 'edXML:';

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

/** Leaf elements for the fields that are present, in layout order. */
function leaves<T extends object>(value: T | undefined, fields: readonly (readonly [string, string])[]): XmlNode[] {
  if (!value) return [];
  const out: XmlNode[] = [];
  for (const [field, name] of fields) {
    const v = (value as Record<string, unknown>)[field];
    if (typeof v === 'string') out.push(element(name, text(v)));
  }
  return out;
}

/** A group element, omitted when none of its fields is present (absent stays absent on re-parse). */
function group<T extends object>(name: string, value: T | undefined, fields: readonly (readonly [string, string])[]): XmlNode[] {
  if (!value) return [];
  return [element(name, leaves(value, fields))];
}

function extension(ext: ExtensionElement, inScopeNs: string): XmlNode {
  const ns = ext.namespace ?? QCVN_NS;
  const attributes = { ...ext.attributes };
  if (ns !== inScopeNs) attributes.xmlns = ns;
  const children: XmlNode[] = ext.children.map((c) => extension(c, ns));
  if (ext.text !== undefined) children.unshift({ '#text': ext.text });
  return element(ext.name, children, attributes);
}

function messageHeader(h: MessageHeader): XmlNode {
  const children: XmlNode[] = [
    ...group('From', h.from, ORGANIZATION_FIELDS),
    ...h.to.map((o) => element('To', leaves(o, ORGANIZATION_FIELDS))),
  ];
  if (h.documentId !== undefined) children.push(element('DocumentId', text(h.documentId)));
  children.push(
    ...group('Code', h.code, CODE_FIELDS),
    ...group('PromulgationInfo', h.promulgationInfo, PROMULGATION_FIELDS),
    ...group('DocumentType', h.documentType, DOCUMENT_TYPE_FIELDS),
  );
  if (h.subject !== undefined) children.push(element('Subject', text(h.subject)));
  if (h.content !== undefined) children.push(element('Content', text(h.content)));
  children.push(...group('SignerInfo', h.signerInfo, SIGNER_FIELDS));
  if (h.dueDate !== undefined) children.push(element('DueDate', text(h.dueDate)));
  if (h.toPlaces.length > 0) children.push(element('ToPlaces', h.toPlaces.map((p) => element('Place', text(p)))));
  if (h.otherInfo) {
    const other = leaves(h.otherInfo, OTHER_INFO_FIELDS);
    if (h.otherInfo.appendixes.length > 0) {
      other.push(element('Appendixes', h.otherInfo.appendixes.map((a) => element('Appendix', text(a)))));
    }
    children.push(element('OtherInfo', other));
  }
  children.push(...h.responseFor.map((r) => element('ResponseFor', leaves(r, RESPONSE_FOR_FIELDS))));
  if (h.steeringType !== undefined) children.push(element('SteeringType', text(h.steeringType)));
  children.push(...h.extensions.map((e) => extension(e, QCVN_NS)));
  return element(`${PREFIX}MessageHeader`, children);
}

function business(b: Business): XmlNode {
  const children: XmlNode[] = [];
  const leaf = (name: string, v: string | undefined) => {
    if (v !== undefined) children.push(element(name, text(v)));
  };
  leaf('BussinessDocType', b.bussinessDocType);
  leaf('BussinessDocReason', b.bussinessDocReason);
  leaf('DocumentId', b.documentId);
  leaf('Paper', b.paper);
  children.push(...group('StaffInfo', b.staffInfo, STAFF_FIELDS));
  if (b.documentInfo) {
    const info: XmlNode[] = [];
    if (b.documentInfo.documentInfo !== undefined) info.push(element('DocumentInfo', text(b.documentInfo.documentInfo)));
    if (b.documentInfo.documentReceiver !== undefined) {
      info.push(element('DocumentReceiver', text(b.documentInfo.documentReceiver)));
    }
    if (b.documentInfo.receivers.length > 0) {
      const receivers = b.documentInfo.receivers.map((r) =>
        element('Receiver', leaves(r, [['organId', 'OrganId'], ['receiverType', 'ReceiverType']])),
      );
      info.push(element('ReceiverList', receivers));
    }
    children.push(element('BussinessDocumentInfo', info));
  }
  if (b.replacements.length > 0) {
    const entries = b.replacements.map((r) => {
      const entry: XmlNode[] = [];
      if (r.documentId !== undefined) entry.push(element('DocumentId', text(r.documentId)));
      entry.push(element('OrganIdList', r.organIds.map((id) => element('OrganId', text(id)))));
      return element('ReplacementInfo', entry);
    });
    children.push(element('ReplacementInfoList', entries));
  }
  return element('Bussiness', children);
}

function edocEnvelope(p: EdocPacket): XmlNode[] {
  const header: XmlNode[] = [messageHeader(p.header)];
  if (p.traceHeaders.length > 0 || p.business) {
    const trace = p.traceHeaders.map((t) => element('TraceHeader', leaves(t, TRACE_FIELDS)));
    if (p.business) trace.push(business(p.business));
    header.push(element(`${PREFIX}TraceHeaderList`, trace));
  }
  if (p.signature) header.push(extension(p.signature, QCVN_NS));
  const references = p.manifest.map((r) => element(`${PREFIX}Reference`, leaves(r, REFERENCE_FIELDS)));
  const body = element(`${PREFIX}edXMLBody`, [element(`${PREFIX}edXMLManifest`, references, { version: '1.0' })]);
  const attachments = p.attachments.map((a) =>
    element(`${PREFIX}Attachment`, [...leaves(a, ATTACHMENT_FIELDS), element(ENCODED_ELEMENT, text(a.encoded))]),
  );
  return [
    element(`${PREFIX}edXMLEnvelope`, [element(`${PREFIX}edXMLHeader`, header), body]),
    element(`${PREFIX}AttachmentEncoded`, attachments),
  ];
}

function statusEnvelope(p: StatusPacket): XmlNode[] {
  const h = p.header;
  const children: XmlNode[] = [...group('From', h.from, ORGANIZATION_FIELDS)];
  children.push(...group('ResponseFor', h.responseFor, RESPONSE_FOR_FIELDS));
  children.push(...group('StaffInfo', h.staffInfo, STAFF_FIELDS));
  for (const [name, v] of [
    ['StatusCode', h.statusCode],
    ['Description', h.description],
    ['Timestamp', h.timestamp],
  ] as const) {
    if (v !== undefined) children.push(element(name, text(v)));
  }
  children.push(...h.extensions.map((e) => extension(e, QCVN_NS)));
  const header = element(`${PREFIX}edXMLHeader`, [element(`${PREFIX}MessageHeader`, children)]);
  return [element(`${PREFIX}edXMLEnvelope`, [header])];
}

/** Serialises a packet in the canonical layout: deterministic UTF-8 bytes, one-line base64. */
export function buildPacket(packet: Packet): Uint8Array {
  const content = packet.kind === 'edoc' ? edocEnvelope(packet) : statusEnvelope(packet);
  const root = element(`${PREFIX}edXML`, content, { 'xmlns:edXML': QCVN_NS, xmlns: QCVN_NS });
  const xml = builder.build([root]) as string;
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${xml.trimStart()}`);
}

// Packet reader: bytes or text in, typed packet plus reading findings out, never an exception.
// Follows the reading rules of docs/validate.md: DOCTYPE refused before parsing, namespace URI +
// local name (any prefix or none), element order free, unknown elements kept, values kept as
// written, and the real-world quirks (misplaced or duplicated elements, `1` for `01`) accepted and
// reported.
import { Buffer, isUtf8 } from 'node:buffer';
import type { Finding } from './finding.ts';
import { report, type Rule, type RuleParam } from './rule.ts';
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
import { statusRules, structureRules, xmlRules } from './rules.ts';
import { normalizeStatusCode } from './status.ts';
import {
  QCVN_NS,
  type Business,
  type EdocPacket,
  type ExtensionElement,
  type MessageHeader,
  type Packet,
  type PacketKind,
  type StatusPacket,
} from './types.ts';
import { MAX_DEPTH, scanXml } from './xml-scan.ts';
import { readTree, type XmlElement } from './xml-tree.ts';

export interface ParseResult {
  kind: PacketKind;
  packet?: Packet;
  /** Reading problems: XML errors, layout quirks, normalised values. */
  findings: Finding[];
}

const INVALID_UTF8 = { vi: 'có chuỗi byte UTF-8 không hợp lệ', en: 'invalid UTF-8 byte sequence' };

/** Decoded packet text, or the finding that prevents reading it. */
export function decodePacketText(input: Uint8Array | string): { text?: string; finding?: Finding } {
  if (typeof input === 'string') {
    return input.trim() === '' ? { finding: report(xmlRules.empty, '/') } : { text: input };
  }
  if (input.byteLength === 0) return { finding: report(xmlRules.empty, '/') };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
    return text.trim() === '' ? { finding: report(xmlRules.empty, '/') } : { text };
  } catch {
    return { finding: report(xmlRules.encoding, '/', { detail: INVALID_UTF8 }) };
  }
}

/** Collects findings while reading, and knows which elements of the tree count as QCVN elements. */
class Reader {
  readonly findings: Finding[] = [];
  private foreignReported = false;

  add(rule: Rule, path: string, params: Record<string, RuleParam> = {}) {
    this.findings.push(report(rule, path, params));
  }

  /** QCVN elements are matched by local name; a writer that forgot the namespace gets one warning. */
  isQcvn(el: XmlElement): boolean {
    if (el.ns === QCVN_NS) return true;
    if (el.ns !== '') return false;
    if (!this.foreignReported) {
      this.foreignReported = true;
      this.add(xmlRules.foreignElement, el.path, { element: el.local, namespace: 'no namespace' });
    }
    return true;
  }

  all(parent: XmlElement | undefined, name: string): XmlElement[] {
    if (!parent) return [];
    return parent.children.filter((c) => c.local === name && this.isQcvn(c));
  }

  /** The single child `name`; a repeated one is reported and the first occurrence used. */
  one(parent: XmlElement | undefined, name: string): XmlElement | undefined {
    const found = this.all(parent, name);
    if (found.length > 1) this.add(structureRules.duplicate, found[1].path, { element: name, count: found.length });
    return found[0];
  }

  value(parent: XmlElement | undefined, name: string): string | undefined {
    return this.one(parent, name)?.text;
  }

  leaves<T>(el: XmlElement | undefined, fields: readonly (readonly [string, string])[]): T | undefined {
    if (!el) return undefined;
    const out: Record<string, string> = {};
    for (const [field, name] of fields) {
      const v = this.value(el, name);
      if (v !== undefined) out[field] = v;
    }
    return out as T;
  }

  /** Children that the model has no field for, kept as extensions. */
  extensions(parent: XmlElement, known: ReadonlySet<string>): ExtensionElement[] {
    return parent.children
      .filter((c) => !(known.has(c.local) && (c.ns === QCVN_NS || c.ns === '')))
      .map(toExtension);
  }
}

function toExtension(el: XmlElement): ExtensionElement {
  const ext: ExtensionElement = {
    name: el.local,
    attributes: { ...el.attributes },
    children: el.children.map(toExtension),
  };
  if (el.ns !== QCVN_NS) ext.namespace = el.ns;
  if (el.children.length === 0 || el.text.trim() !== '') ext.text = el.text;
  return ext;
}

const EDOC_HEADER_FIELDS = new Set([
  'From', 'To', 'DocumentId', 'Code', 'PromulgationInfo', 'DocumentType', 'Subject', 'Content', 'SignerInfo',
  'DueDate', 'ToPlaces', 'OtherInfo', 'ResponseFor', 'SteeringType',
  // Read from here when misplaced (reported), never kept twice as extensions.
  'TraceHeaderList', 'Bussiness', 'Signature',
]);
const STATUS_HEADER_FIELDS = new Set([
  'From', 'ResponseFor', 'StaffInfo', 'StatusCode', 'Description', 'Timestamp',
  // Not used by status packets: reported, not kept.
  'To', 'TraceHeaderList', 'Signature',
]);

function readMessageHeader(r: Reader, mh: XmlElement): MessageHeader {
  const otherInfo = r.one(mh, 'OtherInfo');
  return {
    from: r.leaves(r.one(mh, 'From'), ORGANIZATION_FIELDS),
    to: r.all(mh, 'To').map((t) => r.leaves(t, ORGANIZATION_FIELDS) ?? {}),
    documentId: r.value(mh, 'DocumentId'),
    code: r.leaves(r.one(mh, 'Code'), CODE_FIELDS),
    promulgationInfo: r.leaves(r.one(mh, 'PromulgationInfo'), PROMULGATION_FIELDS),
    documentType: r.leaves(r.one(mh, 'DocumentType'), DOCUMENT_TYPE_FIELDS),
    subject: r.value(mh, 'Subject'),
    content: r.value(mh, 'Content'),
    signerInfo: r.leaves(r.one(mh, 'SignerInfo'), SIGNER_FIELDS),
    dueDate: r.value(mh, 'DueDate'),
    toPlaces: r.all(r.one(mh, 'ToPlaces'), 'Place').map((p) => p.text),
    otherInfo: otherInfo && {
      ...r.leaves<Record<string, string>>(otherInfo, OTHER_INFO_FIELDS),
      appendixes: r.all(r.one(otherInfo, 'Appendixes'), 'Appendix').map((a) => a.text),
    },
    responseFor: r.all(mh, 'ResponseFor').map((e) => r.leaves(e, RESPONSE_FOR_FIELDS) ?? {}),
    steeringType: r.value(mh, 'SteeringType'),
    extensions: r.extensions(mh, EDOC_HEADER_FIELDS),
  };
}

function readBusiness(r: Reader, b: XmlElement): Business {
  const info = r.one(b, 'BussinessDocumentInfo');
  return {
    bussinessDocType: r.value(b, 'BussinessDocType'),
    bussinessDocReason: r.value(b, 'BussinessDocReason'),
    documentId: r.value(b, 'DocumentId'),
    paper: r.value(b, 'Paper'),
    staffInfo: r.leaves(r.one(b, 'StaffInfo'), STAFF_FIELDS),
    documentInfo: info && {
      documentInfo: r.value(info, 'DocumentInfo'),
      documentReceiver: r.value(info, 'DocumentReceiver'),
      receivers: r.all(r.one(info, 'ReceiverList'), 'Receiver').map((rec) => ({
        organId: r.value(rec, 'OrganId'),
        receiverType: r.value(rec, 'ReceiverType'),
      })),
    },
    replacements: r.all(r.one(b, 'ReplacementInfoList'), 'ReplacementInfo').map((rep) => ({
      documentId: r.value(rep, 'DocumentId'),
      organIds: r.all(r.one(rep, 'OrganIdList'), 'OrganId').map((o) => o.text),
    })),
  };
}

/** The first element among `places` that holds `name`, reporting it when it is not at the first (canonical) place. */
function findPlaced(r: Reader, places: (XmlElement | undefined)[], name: string, expected: string, canonical = 0) {
  for (let i = 0; i < places.length; i++) {
    const found = r.one(places[i], name);
    if (!found) continue;
    if (i !== canonical) r.add(structureRules.misplaced, found.path, { element: name, expected });
    return found;
  }
  return undefined;
}

function readEdoc(r: Reader, root: XmlElement, envelope: XmlElement, header: XmlElement, mh: XmlElement): EdocPacket {
  const traceList = findPlaced(r, [header, mh], 'TraceHeaderList', 'edXMLHeader');
  const business = findPlaced(r, [traceList, header, mh], 'Bussiness', 'TraceHeaderList');
  const signatures = [header, envelope, root, mh].flatMap((p) => p.children.filter((c) => c.local === 'Signature'));
  if (signatures[0] && !header.children.includes(signatures[0])) {
    r.add(structureRules.misplaced, signatures[0].path, { element: 'Signature', expected: 'edXMLHeader' });
  }
  const body = r.one(envelope, 'edXMLBody');
  if (!body) r.add(structureRules.missing, `${envelope.path}/edXMLBody`, { element: 'edXMLBody' });
  const manifest = r.one(body, 'edXMLManifest');
  if (body && !manifest) r.add(structureRules.missing, `${body.path}/edXMLManifest`, { element: 'edXMLManifest' });
  const version = manifest?.attributes.version;
  if (manifest && version !== '1.0') r.add(structureRules.manifestVersion, manifest.path, { value: version ?? '' });
  const encoded = findPlaced(r, [root, envelope, body], 'AttachmentEncoded', 'edXML (sibling of edXMLEnvelope)');
  return {
    kind: 'edoc',
    header: readMessageHeader(r, mh),
    traceHeaders: r.all(traceList, 'TraceHeader').map((t) => r.leaves(t, TRACE_FIELDS) ?? {}),
    business: business && readBusiness(r, business),
    signed: signatures.length > 0,
    signature: signatures[0] && toExtension(signatures[0]),
    manifest: r.all(manifest, 'Reference').map((ref) => r.leaves(ref, REFERENCE_FIELDS) ?? {}),
    attachments: r.all(encoded, 'Attachment').map((a) => ({
      ...r.leaves<Record<string, string>>(a, ATTACHMENT_FIELDS),
      encoded: r.value(a, ENCODED_ELEMENT) ?? '',
    })),
  };
}

function readStatus(r: Reader, envelope: XmlElement, header: XmlElement, mh: XmlElement): StatusPacket {
  for (const [parent, name] of [[mh, 'To'], [mh, 'TraceHeaderList'], [header, 'TraceHeaderList'], [header, 'Signature'], [envelope, 'edXMLBody']] as const) {
    for (const el of parent.children.filter((c) => c.local === name)) r.add(structureRules.statusExtra, el.path, { element: name });
  }
  const codeElement = r.one(mh, 'StatusCode');
  let statusCode = codeElement?.text;
  if (codeElement && statusCode !== undefined) {
    const normalized = normalizeStatusCode(statusCode);
    if (normalized !== statusCode) {
      r.add(statusRules.shortCode, codeElement.path, { value: statusCode, normalized });
      statusCode = normalized;
    }
  }
  return {
    kind: 'status',
    header: {
      from: r.leaves(r.one(mh, 'From'), ORGANIZATION_FIELDS),
      responseFor: r.leaves(r.one(mh, 'ResponseFor'), RESPONSE_FOR_FIELDS),
      staffInfo: r.leaves(r.one(mh, 'StaffInfo'), STAFF_FIELDS),
      statusCode,
      description: r.value(mh, 'Description'),
      timestamp: r.value(mh, 'Timestamp'),
      extensions: r.extensions(mh, STATUS_HEADER_FIELDS),
    },
  };
}

function readPacket(r: Reader, root: XmlElement): ParseResult {
  if (root.local !== 'edXML' || root.ns !== QCVN_NS) {
    r.add(xmlRules.wrongRoot, root.path, { element: root.qname, namespace: QCVN_NS });
    return { kind: 'unknown', findings: r.findings };
  }
  const envelope = r.one(root, 'edXMLEnvelope');
  const header = r.one(envelope, 'edXMLHeader');
  const mh = r.one(header, 'MessageHeader');
  const missing = !envelope ? ['edXMLEnvelope', root.path] : !header ? ['edXMLHeader', envelope.path] : !mh ? ['MessageHeader', header!.path] : undefined;
  if (missing || !envelope || !header || !mh) {
    const [element, parentPath] = missing ?? ['MessageHeader', root.path];
    r.add(structureRules.missing, `${parentPath}/${element}`, { element });
    return { kind: 'edoc', findings: r.findings };
  }
  const isStatus = mh.children.some((c) => c.local === 'StatusCode');
  const packet = isStatus ? readStatus(r, envelope, header, mh) : readEdoc(r, root, envelope, header, mh);
  return { kind: packet.kind, packet, findings: r.findings };
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The text the scanner reads. Bytes are checked as UTF-8 (natively) and then read as latin1: every
 * markup character is ASCII, which UTF-8 and latin1 share, and a latin1 string is one byte per
 * character, whereas any Vietnamese letter would make V8 store the whole packet, attachments
 * included, at two bytes per character. Only the small envelope is then decoded as UTF-8.
 */
function scannerText(input: Uint8Array | string): { text: string; latin1: boolean } | { finding: Finding } {
  if (typeof input === 'string') {
    const decoded = decodePacketText(input);
    return decoded.text === undefined ? { finding: decoded.finding! } : { text: decoded.text, latin1: false };
  }
  const buffer = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const body = UTF8_BOM.every((b, i) => buffer[i] === b) ? buffer.subarray(3) : buffer;
  if (body.byteLength === 0) return { finding: report(xmlRules.empty, '/') };
  if (!isUtf8(body)) return { finding: report(xmlRules.encoding, '/', { detail: INVALID_UTF8 }) };
  const text = body.toString('latin1');
  return text.trim() === '' ? { finding: report(xmlRules.empty, '/') } : { text, latin1: true };
}

/** Reads an edoc or status packet. Never throws: every problem becomes a finding. */
export function parsePacket(input: Uint8Array | string): ParseResult {
  const source = scannerText(input);
  if ('finding' in source) return { kind: 'unknown', findings: [source.finding] };
  const scan = scanXml(source.text, source.latin1);
  if (scan.problem) {
    const p = scan.problem;
    const finding =
      p.kind === 'doctype'
        ? report(xmlRules.doctype, '/')
        : p.kind === 'depth'
          ? report(xmlRules.depth, '/', { max: MAX_DEPTH })
          : report(xmlRules.malformed, '/', { detail: p.detail, offset: p.offset });
    return { kind: 'unknown', findings: [finding] };
  }
  const r = new Reader();
  if (scan.declaredEncoding && scan.declaredEncoding.toLowerCase().replace(/[-_]/g, '') !== 'utf8') {
    const declared = scan.declaredEncoding;
    r.add(xmlRules.encoding, '/', { detail: { vi: `khai báo mã hoá ${declared}`, en: `declared encoding ${declared}` } });
  }
  const envelope = source.latin1 ? Buffer.from(scan.envelope, 'latin1').toString('utf8') : scan.envelope;
  let root: XmlElement | undefined;
  try {
    root = readTree(envelope, scan.encodedBodies);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const detail = { vi: `trình phân tích XML báo lỗi: ${message}`, en: `the XML parser reports: ${message}` };
    return { kind: 'unknown', findings: [...r.findings, report(xmlRules.malformed, '/', { detail, offset: 0 })] };
  }
  if (!root) {
    const detail = { vi: 'không có phần tử gốc', en: 'no root element' };
    return { kind: 'unknown', findings: [...r.findings, report(xmlRules.malformed, '/', { detail, offset: 0 })] };
  }
  return readPacket(r, root);
}

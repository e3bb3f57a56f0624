// Convenient constructors of realistic packets for tests, fixtures, the simulator and the reference
// agency: give the few fields that matter, get a complete Packet with the usual defaults of real
// traffic (DocumentId derived from From/date/code, the sender's own TraceHeader, linked manifest).
import { Buffer } from 'node:buffer';
import { documentIdOf } from './document-id.ts';
import type {
  Business,
  EdocPacket,
  ExtensionElement,
  MessageHeader,
  Organization,
  ResponseFor,
  StaffInfo,
  StatusPacket,
  TraceHeader,
} from './types.ts';

export interface AttachmentInput {
  /** File name, written to AttachmentName in the manifest and the payload. */
  name: string;
  contentType: string;
  bytes: Uint8Array;
  description?: string;
  /** Defaults to the 1-based position. Written `cid:<id>` in the manifest and bare in the payload. */
  contentId?: string;
  /** Manifest ContentType when it differs from the payload's (VNPT writes `application/zip` everywhere). */
  manifestContentType?: string;
}

export interface EdocInput {
  /** An organisation or just its code. */
  from: Organization | string;
  to: (Organization | string)[];
  codeNumber: string;
  codeNotation: string;
  /** `yyyy/MM/dd` */
  promulgationDate: string;
  subject: string;
  place?: string;
  /** DocumentType/Type; defaults to `1`. */
  type?: string;
  typeDetail?: string;
  /** Defaults to `Công văn`. */
  typeName?: string;
  content?: string;
  signer?: { competence?: string; position?: string; fullName?: string };
  dueDate?: string;
  toPlaces?: string[];
  priority?: string;
  steeringType?: string;
  responseFor?: ResponseFor[];
  /** Defaults to `{From/OrganId},{date},{number}/{notation}`. */
  documentId?: string;
  /** Defaults to one TraceHeader of the sender stamped `timestamp`. */
  traceHeaders?: TraceHeader[];
  /** `yyyy/MM/dd HH:mm:ss` for the default TraceHeader; defaults to the promulgation date at 08:00:00. */
  timestamp?: string;
  business?: Partial<Business> & { bussinessDocType: string };
  attachments?: AttachmentInput[];
  extensions?: ExtensionElement[];
}

export interface StatusInput {
  from: Organization | string;
  /** The addressee of the status and the document concerned (spec §2). */
  responseFor: ResponseFor;
  statusCode: string;
  description?: string;
  /** `yyyy/MM/dd HH:mm:ss` */
  timestamp: string;
  staffInfo?: StaffInfo;
}

const organization = (o: Organization | string): Organization => (typeof o === 'string' ? { organId: o } : { ...o });

export { documentIdOf };

export function composeEdoc(input: EdocInput): EdocPacket {
  const from = organization(input.from);
  const fromId = from.organId ?? '';
  const attachments = input.attachments ?? [];
  const ids = attachments.map((a, i) => a.contentId ?? String(i + 1));
  const header: MessageHeader = {
    from,
    to: input.to.map(organization),
    documentId:
      input.documentId ?? documentIdOf(fromId, input.promulgationDate, input.codeNumber, input.codeNotation),
    code: { codeNumber: input.codeNumber, codeNotation: input.codeNotation },
    promulgationInfo: { place: input.place, promulgationDate: input.promulgationDate },
    documentType: { type: input.type ?? '1', typeDetail: input.typeDetail, typeName: input.typeName ?? 'Công văn' },
    subject: input.subject,
    content: input.content,
    signerInfo: input.signer,
    dueDate: input.dueDate,
    toPlaces: input.toPlaces ?? [],
    otherInfo:
      input.priority === undefined ? undefined : { priority: input.priority, appendixes: [] },
    responseFor: input.responseFor ?? [],
    steeringType: input.steeringType,
    extensions: input.extensions ?? [],
  };
  const business: Business | undefined = input.business
    ? { replacements: [], ...input.business }
    : undefined;
  return {
    kind: 'edoc',
    header,
    traceHeaders: input.traceHeaders ?? [
      { organId: fromId, timestamp: input.timestamp ?? `${input.promulgationDate} 08:00:00` },
    ],
    business,
    signed: false,
    manifest: attachments.map((a, i) => ({
      contentId: `cid:${ids[i]}`,
      contentType: a.manifestContentType ?? a.contentType,
      description: a.description,
      attachmentName: a.name,
    })),
    attachments: attachments.map((a, i) => ({
      contentId: ids[i],
      attachmentName: a.name,
      description: a.description,
      contentType: a.contentType,
      encoded: Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength).toString('base64'),
    })),
  };
}

export function composeStatus(input: StatusInput): StatusPacket {
  return {
    kind: 'status',
    header: {
      from: organization(input.from),
      responseFor: { ...input.responseFor },
      staffInfo: input.staffInfo,
      statusCode: input.statusCode,
      description: input.description,
      timestamp: input.timestamp,
      extensions: [],
    },
  };
}

/**
 * The ResponseFor a recipient writes when answering `doc`: the issuer is the addressee, the
 * document is named by its code, date and DocumentId.
 */
export function responseForDocument(doc: EdocPacket): ResponseFor {
  const h = doc.header;
  const code = h.code ? `${h.code.codeNumber ?? ''}/${h.code.codeNotation ?? ''}` : undefined;
  return {
    organId: h.from?.organId,
    code,
    promulgationDate: h.promulgationInfo?.promulgationDate,
    documentId: h.documentId,
  };
}

// What a vendor's SDK-based system reads from a packet (the fields SdkReader.java prints), and the
// same fields taken from the packet model truc meant to write, so the two can be compared.
import { createHash } from 'node:crypto';
import type { Packet } from '../edxml/types.ts';

export interface SdkFields {
  from: string | null;
  to: (string | null)[];
  codeNumber: string | null;
  codeNotation: string | null;
  documentId: string | null;
  subject: string | null;
  statusCode: string | null;
  responseFor: { organId: string | null; documentId: string | null } | null;
  bussinessDocType: string | null;
  attachments: { contentId: string | null; name: string | null; size: number; sha256: string }[];
}

export interface SdkReading extends Partial<SdkFields> {
  file: string;
  ok: boolean;
  error?: string;
}

const orNull = (v: string | undefined): string | null => v ?? null;

/** The fields as truc's packet model holds them (attachments decoded from the model's base64). */
export function fieldsMeant(packet: Packet): SdkFields {
  if (packet.kind === 'status') {
    const h = packet.header;
    return {
      from: orNull(h.from?.organId), to: [], codeNumber: null, codeNotation: null, documentId: null, subject: null,
      statusCode: orNull(h.statusCode),
      responseFor: h.responseFor ? { organId: orNull(h.responseFor.organId), documentId: orNull(h.responseFor.documentId) } : null,
      bussinessDocType: null, attachments: [],
    };
  }
  const h = packet.header;
  const first = h.responseFor[0];
  return {
    from: orNull(h.from?.organId),
    to: h.to.map((o) => orNull(o.organId)),
    codeNumber: orNull(h.code?.codeNumber),
    codeNotation: orNull(h.code?.codeNotation),
    documentId: orNull(h.documentId),
    subject: orNull(h.subject),
    statusCode: null,
    responseFor: first ? { organId: orNull(first.organId), documentId: orNull(first.documentId) } : null,
    bussinessDocType: orNull(packet.business?.bussinessDocType),
    attachments: packet.attachments.map((a) => {
      const bytes = Buffer.from(a.encoded.replace(/\s+/g, ''), 'base64');
      return { contentId: orNull(a.contentId), name: orNull(a.attachmentName), size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    }),
  };
}

/** The reading without its file name and outcome, for a deep comparison. */
export function fieldsRead(r: SdkReading): SdkFields | string {
  if (!r.ok) return r.error ?? 'failed';
  const { file: _file, ok: _ok, error: _error, ...fields } = r;
  return fields as SdkFields;
}

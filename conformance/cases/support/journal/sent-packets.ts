// The packets the SUT sent, as the journal holds them: its document packets (the one a trigger
// asked for, recognised by its Code), its status packets about one document, and the packet
// header even when the journal cut the body at its excerpt cap (signed PDFs easily pass 64 KB;
// the header comes first, so it is always in the excerpt).
import { parsePacket } from '../../../../edxml/parse.ts';
import { normalizeStatusCode } from '../../../../edxml/status.ts';
import type { EdocPacket } from '../../../../edxml/types.ts';
import { codeOf } from '../../../case-documents.ts';
import type { CaseDocument } from '../../../case.ts';
import type { TriggerDocument } from '../../../drivers/trigger.ts';
import type { JournalEntry } from '../../../journal-view.ts';
import { sameOrgan } from '../agencies.ts';
import { isOk, isSend, isSutCall, packetOf, sutStatuses, type SentStatus } from './traffic.ts';

/** A document (or business) packet the SUT sent and the axis accepted: no status code. */
export const isSutEdocSend = (entry: JournalEntry, sutCode: string): boolean =>
  isSend(entry) && isOk(entry) && isSutCall(entry, sutCode) && entry.statusCode === undefined;

/** A status packet the SUT sent and the axis accepted. */
export const isSutStatusSend = (entry: JournalEntry, sutCode: string): boolean =>
  isSend(entry) && isOk(entry) && isSutCall(entry, sutCode) && entry.statusCode !== undefined;

/**
 * The SUT's accepted send of the triggered document, recognised by its Code rather than its
 * DocumentId, so a malformed DocumentId is judged by S-03 and not mistaken for no send at all.
 */
export function isSendOf(entry: JournalEntry, sutCode: string, doc: TriggerDocument): boolean {
  if (!isSutEdocSend(entry, sutCode)) return false;
  const code = sentEdocHeader(entry)?.header.code;
  return code?.codeNumber?.trim() === doc.codeNumber && code.codeNotation?.trim() === doc.codeNotation;
}

/** The SUT's status packets about `documentId` (ResponseFor/DocumentId), with one of `codes`. */
export const isSutStatusAbout = (entry: JournalEntry, sutCode: string, documentId: string, codes: readonly string[]): boolean =>
  isSutStatusSend(entry, sutCode) && entry.documentId === documentId && codes.includes(normalizeStatusCode(entry.statusCode?.trim() ?? ''));

const utf8 = new TextDecoder('utf-8');

/**
 * The header of a document packet the SUT sent. The whole packet when the journal kept it whole;
 * otherwise the envelope is closed right after edXMLHeader and that part read, so header facts
 * (To, TraceHeaderList, Bussiness, Signature) stay judgeable. Undefined when unreadable.
 */
export function sentEdocHeader(entry: JournalEntry): EdocPacket | undefined {
  if (headers.has(entry)) return headers.get(entry) ?? undefined;
  const packet = readEdocHeader(entry);
  headers.set(entry, packet ?? null);
  return packet;
}

// Waits re-evaluate their predicates on every new journal entry: read each packet once.
const headers = new WeakMap<JournalEntry, EdocPacket | null>();

function readEdocHeader(entry: JournalEntry): EdocPacket | undefined {
  const whole = packetOf(entry);
  if (whole) return whole.kind === 'edoc' ? whole : undefined;
  if (!entry.bodyExcerpt) return undefined;
  const text = utf8.decode(entry.bodyExcerpt);
  const end = /<\/([\w.-]+:)?edXMLHeader\s*>/.exec(text);
  if (!end) return undefined;
  // The two elements still open after the header: the root (edXML) and the envelope.
  const open = [...text.slice(0, end.index).matchAll(/<([\w.-]+:)?(edXML|edXMLEnvelope)[\s>]/g)].map((m) => `${m[1] ?? ''}${m[2]}`);
  if (open.length < 2) return undefined;
  const closed = `${text.slice(0, end.index + end[0].length)}</${open[1]}></${open[0]}>`;
  const packet = parsePacket(closed).packet;
  return packet?.kind === 'edoc' ? packet : undefined;
}

/** The ResponseFor/Code and date a counterpart writes when answering a document the SUT sent. */
export function sentDocumentFacts(entry: JournalEntry, doc: TriggerDocument): { documentId: string; promulgationDate: string; code: string } {
  const documentId = entry.documentId ?? '';
  const header = sentEdocHeader(entry);
  const promulgationDate = header?.header.promulgationInfo?.promulgationDate ?? documentId.split(',')[1] ?? '';
  return { documentId, promulgationDate, code: codeOf(doc) };
}

/**
 * The SUT's status packets about `doc`: those naming its DocumentId, and those addressed to its
 * issuer that carry its (unique) number even if the rest is mangled, so that a SUT that damages
 * the notation is still seen answering, and judged on what it wrote.
 */
export function statusesAbout(entries: readonly JournalEntry[], sutCode: string, doc: CaseDocument, issuerCode: string = doc.from): SentStatus[] {
  return sutStatuses(entries, sutCode).filter(({ packet }) => {
    const r = packet.header.responseFor;
    if (!r) return false;
    if (r.documentId === doc.documentId) return true;
    const number = r.code?.split('/')[0];
    return r.organId !== undefined && sameOrgan(r.organId, issuerCode) && number === doc.codeNumber;
  });
}

export const statusCodeOf = (s: SentStatus): string => normalizeStatusCode(s.packet.header.statusCode ?? '');


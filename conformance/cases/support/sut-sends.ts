// What the SUT sends when a case triggers it (S, SG, B, F areas): the trigger's document, the
// SUT's document packets and status packets about one document, and the packet header even when
// the journal cut the body at its excerpt cap (signed PDFs easily pass 64 KB; the header comes
// first, so it is always in the excerpt).
import { parsePacket } from '../../../edxml/parse.ts';
import { normalizeStatusCode } from '../../../edxml/status.ts';
import type { EdocPacket } from '../../../edxml/types.ts';
import type { CaseContext, JudgeContext } from '../../case.ts';
import type { TriggerAttachment, TriggerDocument } from '../../drivers/trigger.ts';
import type { JournalEntry } from '../../journal-view.ts';
import { isOk, isSend, isSutCall, packetOf } from './journal.ts';

let documentCounter = 0;

/** A PDF the SUT is asked to sign, as in the spec's trigger example. */
export const SIGNED_PDF: TriggerAttachment = { name: 'cong-van.pdf', sign: true };

/**
 * A document for the SUT to send, with a number no other trigger of this process uses, so the
 * SUT's packet is recognisable by its Code (the SUT chooses its DocumentId and date).
 */
export function triggerDocument(ctx: JudgeContext, attachments: TriggerAttachment[] = [SIGNED_PDF]): TriggerDocument {
  documentCounter++;
  return {
    codeNumber: String(7000 + documentCounter),
    codeNotation: `${ctx.entry.id.replace('-', '')}-HT`,
    subject: `Văn bản thử nghiệm gửi đi (${ctx.entry.id}) / test document sent by the system`,
    typeName: 'Công văn',
    attachments,
  };
}

/** `number/notation` as written in DocumentId and ResponseFor/Code. */
export const codeOf = (doc: TriggerDocument): string => `${doc.codeNumber}/${doc.codeNotation}`;

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

/**
 * Triggers the SUT to send `doc` to `to` and waits for the axis to accept its packet. The entry is
 * evidence; a SUT that never sends fails at the deadline.
 */
export async function sendByTrigger(ctx: CaseContext, doc: TriggerDocument, to: readonly string[]): Promise<JournalEntry> {
  await ctx.trigger({ action: 'send', to: [...to], document: doc });
  return ctx.waitFor((e) => isSendOf(e, ctx.run.sutCode, doc), {
    expected: {
      vi: `Hệ thống gửi văn bản ${codeOf(doc)} tới ${to.join(', ')} và trục chấp nhận`,
      en: `The system sends document ${codeOf(doc)} to ${to.join(', ')} and the axis accepts it`,
    },
  });
}

/** The ResponseFor/Code and date a counterpart writes when answering a document the SUT sent. */
export function sentDocumentFacts(entry: JournalEntry, doc: TriggerDocument): { documentId: string; promulgationDate: string; code: string } {
  const documentId = entry.documentId ?? '';
  const header = sentEdocHeader(entry);
  const promulgationDate = header?.header.promulgationInfo?.promulgationDate ?? documentId.split(',')[1] ?? '';
  return { documentId, promulgationDate, code: codeOf(doc) };
}

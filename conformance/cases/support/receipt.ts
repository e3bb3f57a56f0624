// How a case follows one document it delivered to the SUT: the delivery's receiver ids, the SUT's
// fetch and transport acknowledgement of it, and the status packets the SUT sends back about it.
// The waits are the runner's (event-driven, deadline from the timing profile); this only says
// what to wait for.
import type { LocalizedText } from '../../../edxml/finding.ts';
import { normalizeStatusCode } from '../../../edxml/status.ts';
import type { ResponseFor } from '../../../edxml/types.ts';
import type { CaseContext, CaseDocument, JudgeContext } from '../../case.ts';
import type { InjectRequest, InjectResult } from '../../axis-port.ts';
import type { JournalEntry } from '../../journal-view.ts';
import { sameOrgan } from './agencies.ts';
import { documentPacket, type DocumentPacketOptions } from './packets.ts';
import { isAckOf, isFetchOf, sutStatuses, TERMINAL_ACKS, type SentStatus } from './journal.ts';

/** The journal entry of an injection (the suite's own send as a counterpart). */
export function injectionEntry(ctx: JudgeContext, result: InjectResult): JournalEntry {
  const entry = ctx.entries().find((e) => (result.journalId !== undefined ? e.id === result.journalId : e.senderId === result.senderId));
  if (!entry) {
    throw Object.assign(new Error('injection not journaled'), {
      vi: `Nhật ký không có bản ghi gửi ${result.senderId}`,
      en: `The journal has no record of the injection ${result.senderId}`,
    });
  }
  return entry;
}

/** Sends as a counterpart and returns the injection's journal entry (its receiver ids, its evidence). */
export async function deliver(ctx: CaseContext, request: InjectRequest): Promise<JournalEntry> {
  return injectionEntry(ctx, await ctx.send(request));
}

/** Builds `doc` as an edXML document addressed to `options.to` and delivers it. */
export function deliverDocument(
  ctx: CaseContext,
  doc: CaseDocument,
  options: DocumentPacketOptions,
  delivery: Pick<InjectRequest, 'pastIntake' | 'deliverTo'> = {},
): Promise<JournalEntry> {
  return deliver(ctx, { from: doc.from, bytes: documentPacket(doc, options), messageType: 'edoc', ...delivery });
}

export const receiverIdsOf = (injection: JournalEntry): string[] => injection.receiverIds ?? [];

export interface Handled {
  fetch: JournalEntry;
  ack: JournalEntry;
}

/** Waits until the SUT has fetched one of `receiverIds` and acknowledged it `done` or `fail`. */
export async function awaitHandled(
  ctx: CaseContext,
  receiverIds: readonly string[],
  expected: LocalizedText,
  states: ReadonlySet<string> = TERMINAL_ACKS,
): Promise<Handled> {
  const sut = ctx.run.sutCode;
  const handled = await ctx.waitUntil((entries) => {
    const fetch = entries.find((e) => isFetchOf(e, sut, receiverIds));
    const ack = fetch && entries.find((e) => e.id > fetch.id && isAckOf(e, sut, receiverIds, states));
    return fetch && ack ? { fetch, ack } : undefined;
  }, { expected });
  ctx.evidence(handled.fetch, handled.ack);
  return handled;
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

/** Waits for the SUT's first status `code` about `doc`. */
export async function awaitStatus(
  ctx: CaseContext,
  doc: CaseDocument,
  code: string,
  expected: LocalizedText,
  issuerCode?: string,
): Promise<SentStatus> {
  const found = await ctx.waitUntil(
    (entries) => statusesAbout(entries, ctx.run.sutCode, doc, issuerCode).find((s) => statusCodeOf(s) === code),
    { expected },
  );
  ctx.evidence(found.entry);
  return found;
}

/**
 * The ResponseFor fields that differ from what a correct recipient writes: OrganId compared as an
 * agency (both code forms are equal), the others byte for byte (NFC is the writer's duty, R-05).
 */
export function responseForDifferences(actual: ResponseFor | undefined, expected: ResponseFor): string[] {
  const diffs: string[] = [];
  if (!actual?.organId || !expected.organId || !sameOrgan(actual.organId, expected.organId)) diffs.push(`OrganId=${actual?.organId ?? '∅'}`);
  if (actual?.code !== expected.code) diffs.push(`Code=${actual?.code ?? '∅'}`);
  if (actual?.promulgationDate !== expected.promulgationDate) diffs.push(`PromulgationDate=${actual?.promulgationDate ?? '∅'}`);
  if (actual?.documentId !== expected.documentId) diffs.push(`DocumentId=${actual?.documentId ?? '∅'}`);
  return diffs;
}

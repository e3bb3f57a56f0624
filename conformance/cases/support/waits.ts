// What a case waits for in the journal: the SUT's handling of a delivery (fetch, then a terminal
// acknowledgement), its first status of a code about a document, and the packet a trigger asked
// for. The waits themselves are the runner's (event-driven, deadline from the timing profile);
// these only say what to wait for, and record the entries found as evidence.
import type { LocalizedText } from '../../../edxml/finding.ts';
import { codeOf } from '../../case-documents.ts';
import type { CaseContext, CaseDocument } from '../../case.ts';
import type { TriggerDocument } from '../../drivers/trigger.ts';
import type { JournalEntry } from '../../journal-view.ts';
import { isSendOf, statusCodeOf, statusesAbout } from './journal/sent-packets.ts';
import { isAckOf, isFetchOf, TERMINAL_ACKS, type SentStatus } from './journal/traffic.ts';

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
    { expected, ...(doc.deadlineSeconds === undefined ? {} : { deadlineSeconds: doc.deadlineSeconds }) },
  );
  ctx.evidence(found.entry);
  return found;
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

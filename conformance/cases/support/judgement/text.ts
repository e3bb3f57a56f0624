// Bilingual sentences of the cases (Vietnamese first, then English), and the short forms the
// judgements repeat: how a journal entry or a status packet is named in an `observed` sentence.
import type { LocalizedText } from '../../../../edxml/finding.ts';
import type { JournalEntry } from '../../../journal-view.ts';
import type { SentStatus } from '../journal/traffic.ts';

export const text = (vi: string, en: string): LocalizedText => ({ vi, en });

/** `#12 sendEdoc FAIL 22` — enough for a reader to find the entry in the journal. */
export const entryLabel = (e: JournalEntry): string =>
  `#${e.id} ${e.operation} ${e.outcome.status}${e.outcome.status === 'OK' ? '' : ` ${e.outcome.errorCode}`}`;

/** Joins up to `max` items, then says how many more. */
export function listed(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join('; ');
  return items.length > max ? `${shown}; … (+${items.length - max})` : shown;
}

/** `01 #12 (…/QĐ-UBND)`: a status packet by code, journal entry and the document it names. */
export const statusLabel = (s: SentStatus): string =>
  `${s.packet.header.statusCode ?? '∅'} #${s.entry.id} (${s.packet.header.responseFor?.documentId ?? '∅'})`;

/**
 * A run-wide "every X is Y" case with no X at all ends `skip` (not applicable), never a vacuous
 * `pass`: a system that sent nothing is judged by the cases that asked it to send, and the report
 * must not claim a property nobody observed.
 */
export function skipWhenNothingObserved(ctx: { skip(reason: LocalizedText): never }, count: number, what: LocalizedText): void {
  if (count === 0) ctx.skip(text(`Không có gì để đánh giá: hệ thống không gửi ${what.vi}`, `Nothing to judge: the system sent no ${what.en}`));
}

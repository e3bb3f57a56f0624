// The one way a case waits: for a value produced from the run's journal, either from what is
// already there or from each entry as it lands. Ends at the deadline (the case fails, or errors
// when the journal stream itself was lost) or when the case ends; never polls, never sleeps.
import type { LocalizedText } from '../edxml/finding.ts';
import { CaseStop } from './case-run.ts';
import type { JournalEntry, JournalView } from './journal-view.ts';

export interface WaitBounds {
  /** Deadline from now. */
  ms: number;
  /** The `expected` sentence reported if the deadline passes. */
  expected: LocalizedText;
  /** Aborted when the case ends (operator skip, failure elsewhere): the wait then rejects. */
  caseDone: AbortSignal;
  /** How the case ended, to reject with when `caseDone` aborts. */
  stopped: () => CaseStop | undefined;
}

export function waitOnJournal<T>(
  journal: JournalView,
  bounds: WaitBounds,
  initial: () => T | undefined,
  onEntry: (entry: JournalEntry) => T | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      bounds.caseDone.removeEventListener('abort', onAbort);
    };
    const attempt = (produce: () => T | undefined) => {
      if (settled) return;
      let value: T | undefined;
      try {
        value = produce();
      } catch (e) {
        finish();
        reject(e);
        return;
      }
      if (value !== undefined) {
        finish();
        resolve(value);
      }
    };
    const onAbort = () => {
      finish();
      reject(bounds.stopped() ?? new CaseStop('error', { vi: 'Ca kiểm thử đã kết thúc', en: 'The case has ended' }));
    };
    const timer = setTimeout(() => {
      finish();
      const lost = journal.failure?.();
      if (lost) {
        reject(new CaseStop('error', lost));
        return;
      }
      const seconds = Math.round(bounds.ms / 100) / 10;
      reject(
        new CaseStop('fail', { vi: `Hết hạn ${seconds} giây`, en: `Deadline of ${seconds} s passed` }, bounds.expected, {
          vi: `Không thấy trong ${seconds} giây`,
          en: `Not observed within ${seconds} s`,
        }),
      );
    }, bounds.ms);
    const unsubscribe = journal.subscribe((entry) => attempt(() => onEntry(entry)));
    bounds.caseDone.addEventListener('abort', onAbort);
    attempt(initial);
  });
}

// A SUT the suite starts itself (`--sut-cmd`) needs a moment before it can take triggers or answer
// documents. Its first call to the axis is the observable sign that it is up, so the run waits for
// it (at most one response deadline) instead of sleeping a guessed time.
import type { JournalView } from './journal-view.ts';

/** True once the SUT has called the axis; false when `timeoutMs` passes first. */
export function waitForSutTraffic(journal: JournalView, sutCode: string, timeoutMs: number): Promise<boolean> {
  const fromSut = (caller: string | undefined) => caller === sutCode;
  if (journal.snapshot().some((e) => fromSut(e.caller))) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(false);
    }, timeoutMs);
    const unsubscribe = journal.subscribe((entry) => {
      if (!fromSut(entry.caller)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(true);
    });
  });
}

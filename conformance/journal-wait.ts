// The one way a case waits: for a value produced from the run's journal, either from what is
// already there or from each entry as it lands; never polls, never sleeps. The deadline counts
// from the case's own stimulus (spec "Time": the document injected, the trigger accepted) and is
// judged on when the answer arrived at the axis, not on when this process noticed it:
// - when the deadline timer fires, pending I/O runs first and the journal is checked again, so
//   an answer that was already in flight while the loop was busy is not judged missing;
// - an answer is in time when it arrived (its journal time, moved back to the start of any
//   harness pause it was stamped in: loop-stalls.ts) no later than the deadline.
import type { LocalizedText } from '../edxml/finding.ts';
import { CaseStop } from './case-run.ts';
import type { JournalEntry, JournalView } from './journal-view.ts';
import type { LoopStalls } from './loop-stalls.ts';

export interface WaitBounds {
  /** Epoch ms the deadline counts from (the stimulus's delivery). */
  from: number;
  /** The budget from `from`. */
  ms: number;
  /** The `expected` sentence reported if the deadline passes. */
  expected: LocalizedText;
  /** Aborted when the case ends (operator skip, failure elsewhere): the wait then rejects. */
  caseDone: AbortSignal;
  /** How the case ended, to reject with when `caseDone` aborts. */
  stopped: () => CaseStop | undefined;
  /** The harness's own pauses, when watched. */
  stalls?: LoopStalls;
  /** Lets requests already in flight reach the journal (default: yield to I/O a few times). */
  drain?: () => Promise<void>;
}

/** A value and the journal time (epoch ms) of the entry that made it appear. */
export interface Found<T> {
  value: T;
  at: number;
}

export interface JournalProbe<T> {
  /** Looks at the whole journal (at the start, and again before a deadline is declared missed). */
  initial(): Found<T> | undefined;
  /** Looks at one entry as it lands. */
  onEntry(entry: JournalEntry): Found<T> | undefined;
}

/** Lets the event loop read pending sockets and run the promise chains they start. */
export const yieldToIo = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * For a check over the journal that holds on `entries`: the journal time of the entry from which
 * on it holds (the shortest prefix on which it holds; checks only ever gain answers as the journal grows).
 */
export function arrivalOf<T>(entries: readonly JournalEntry[], check: (entries: readonly JournalEntry[]) => T | undefined): number {
  let low = 1;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (check(entries.slice(0, mid)) !== undefined) high = mid;
    else low = mid + 1;
  }
  return entries[high - 1]?.time.getTime() ?? Date.now();
}

export function waitOnJournal<T>(journal: JournalView, bounds: WaitBounds, probe: JournalProbe<T>): Promise<Found<T>> {
  const deadline = bounds.from + bounds.ms;
  const budget = seconds(bounds.ms);
  return new Promise<Found<T>>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      bounds.caseDone.removeEventListener('abort', onAbort);
    };
    const late = (arrivedAfterMs: number | undefined) =>
      new CaseStop(
        'fail',
        { vi: `Hết hạn ${budget} giây`, en: `Deadline of ${budget} s passed` },
        bounds.expected,
        arrivedAfterMs === undefined
          ? { vi: `Không thấy trong ${budget} giây`, en: `Not observed within ${budget} s` }
          : { vi: `Đến sau ${seconds(arrivedAfterMs)} giây (hạn ${budget} giây)`, en: `Arrived after ${seconds(arrivedAfterMs)} s (deadline ${budget} s)` },
      );
    const judge = (found: Found<T>) => {
      const arrival = bounds.stalls ? bounds.stalls.earliestArrival(found.at) : found.at;
      finish();
      if (arrival <= deadline) resolve(found);
      else reject(late(found.at - bounds.from));
    };
    const attempt = (produce: () => Found<T> | undefined): boolean => {
      if (settled) return true;
      let found: Found<T> | undefined;
      try {
        found = produce();
      } catch (e) {
        finish();
        reject(e);
        return true;
      }
      if (found === undefined) return false;
      judge(found);
      return true;
    };
    const onAbort = () => {
      finish();
      reject(bounds.stopped() ?? new CaseStop('error', { vi: 'Ca kiểm thử đã kết thúc', en: 'The case has ended' }));
    };
    const expire = async () => {
      // Requests that reached the axis while this process was busy come in first.
      await (bounds.drain ?? yieldToIo)();
      if (settled || attempt(() => probe.initial())) return;
      finish();
      const lost = journal.failure?.();
      reject(lost ? new CaseStop('error', lost) : late(undefined));
    };
    const unsubscribe = journal.subscribe((entry) => attempt(() => probe.onEntry(entry)));
    bounds.caseDone.addEventListener('abort', onAbort);
    if (attempt(() => probe.initial())) return;
    timer = setTimeout(() => void expire(), Math.max(0, deadline - Date.now()));
  });
}

// What the suite sees of the simulator: the run's journal entries, oldest first, and the moment
// each new one lands. Cases and the runner depend on this interface only, so tests drive them
// with an in-memory feed and a real run feeds it from the simulator's journal events.
import type { LocalizedText } from '../edxml/finding.ts';
import type { JournalEntry } from '../simulator/store/types.ts';

export type { JournalEntry };

export interface JournalView {
  /** The run's entries so far, ordered by id. */
  snapshot(): readonly JournalEntry[];
  /** Calls `listener` once for every entry that lands after subscribing; returns the unsubscribe. */
  subscribe(listener: (entry: JournalEntry) => void): () => void;
  /**
   * Why the view stopped following the journal (e.g. the simulator's event stream broke), if it
   * did: a missing event is then the harness's fault, so deadlines end cases `error`, not `fail`.
   */
  failure?(): LocalizedText | undefined;
}

/** A journal view that is fed entry by entry (from simulator events, or by a test). */
export interface JournalFeed extends JournalView {
  /** Adds an entry; entries already seen (same id) are ignored so catch-up and live events may overlap. */
  push(entry: JournalEntry): void;
  /** Records that the feed stopped receiving entries. */
  fail(reason: LocalizedText): void;
  failure(): LocalizedText | undefined;
}

export function createJournalFeed(): JournalFeed {
  const entries: JournalEntry[] = [];
  const seen = new Set<number>();
  const listeners = new Set<(entry: JournalEntry) => void>();
  let failure: LocalizedText | undefined;
  return {
    fail(reason) {
      failure ??= reason;
    },
    failure: () => failure,
    snapshot: () => entries,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push(entry) {
      if (seen.has(entry.id)) return;
      seen.add(entry.id);
      // Events may arrive out of id order (catch-up query racing the live stream): keep id order.
      let at = entries.length;
      while (at > 0 && entries[at - 1].id > entry.id) at--;
      entries.splice(at, 0, entry);
      for (const listener of [...listeners]) listener(entry);
    },
  };
}

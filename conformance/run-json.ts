// A run record as JSON for the sandbox's run store: everything but the journal, which the store
// already holds under the run's label. Dates become ISO strings and come back as Dates.
import type { JournalEntry } from './journal-view.ts';
import type { HarnessRecord, RunRecord } from './run-record.ts';

export type RunRecordJson = Omit<RunRecord, 'journal' | 'startedAt' | 'finishedAt' | 'harness'> & {
  startedAt: string;
  finishedAt: string;
  harness: (Omit<HarnessRecord, 'time'> & { time: string })[];
};

export const runRecordToJson = (run: RunRecord): RunRecordJson => {
  const { journal: _journal, ...rest } = run;
  return {
    ...rest,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    harness: run.harness.map((h) => ({ ...h, time: h.time.toISOString() })),
  };
};

export const runRecordFromJson = (json: RunRecordJson, journal: JournalEntry[]): RunRecord => ({
  ...json,
  startedAt: new Date(json.startedAt),
  finishedAt: new Date(json.finishedAt),
  harness: json.harness.map((h) => ({ ...h, time: new Date(h.time) })),
  journal,
});

// Reading recorded runs for the console: the stored run, its live cases, and (once finished) the
// record rebuilt with its journal from the store, so reports and overrides work on the real thing.
import type { CaseOutcome, RunRecord } from '../conformance/run-record.ts';
import { runRecordFromJson } from '../conformance/run-json.ts';
import type { LiveCase, RunData } from '../conformance/run-recorder.ts';
import type { Store, StoredRun } from '../simulator/store/types.ts';

export const runData = (run: StoredRun): RunData => run.data as RunData;

/** The run, when this principal may see it (a tenant sees only its own). */
export async function visibleRun(store: Store, runId: string, tenant: string | undefined): Promise<StoredRun | undefined> {
  const run = await store.getRun(runId);
  return run && (tenant === undefined || run.tenant === tenant) ? run : undefined;
}

export async function fullRecord(store: Store, run: StoredRun): Promise<RunRecord | undefined> {
  const data = runData(run);
  if (!data.record) return undefined;
  return runRecordFromJson(data.record, await store.queryJournal({ run: run.runId }));
}

/** Case rows: the finished outcomes when there are, else the live states. */
export function caseRows(run: StoredRun): (LiveCase & Partial<CaseOutcome>)[] {
  const data = runData(run);
  const outcomes = new Map((data.record?.cases ?? []).map((c) => [c.id, c]));
  return data.cases.map((c) => {
    const o = outcomes.get(c.id);
    return o ? { ...c, ...o, state: o.result } : c;
  });
}

export const countsOf = (run: StoredRun): Record<string, number> => {
  const counts: Record<string, number> = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0, pending: 0, running: 0 };
  for (const c of caseRows(run)) counts[c.state] = (counts[c.state] ?? 0) + 1;
  return counts;
};

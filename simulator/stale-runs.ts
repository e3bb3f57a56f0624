// A conformance run whose orchestrating process died (SIGKILL, a crashed CI runner, a lost
// laptop) stops reporting. The run recorder reports at least every RUN_HEARTBEAT_MS while a run
// lasts; the sandbox marks a run still `running` but silent for RUN_STALE_MS `incomplete`, with the
// reason, so the console and `GET /runs` never show it running forever. Re-running it (or resuming:
// a later report from the same run id) puts it back to `running`.
import type { Store } from './store/types.ts';

export const RUN_HEARTBEAT_MS = 30_000;
export const RUN_STALE_MS = 4 * RUN_HEARTBEAT_MS;

export const STALE_REASON = {
  vi: 'Tiến trình điều phối lượt kiểm thử đã ngừng báo cáo (bị dừng hoặc mất kết nối); hãy chạy lại.',
  en: 'The process orchestrating this run stopped reporting (killed or disconnected); run it again.',
};

/** Marks silent running runs incomplete; returns their ids. */
export async function markStaleRuns(store: Store, now: Date, staleMs = RUN_STALE_MS): Promise<string[]> {
  const marked: string[] = [];
  for (const summary of await store.listRuns({})) {
    if (summary.status !== 'running' || now.getTime() - summary.updated.getTime() < staleMs) continue;
    const run = await store.getRun(summary.runId);
    if (!run || run.status !== 'running') continue;
    const data = typeof run.data === 'object' && run.data !== null ? run.data : {};
    await store.putRun({ ...run, status: 'incomplete', updated: now, data: { ...data, incompleteBecause: STALE_REASON } });
    marked.push(run.runId);
  }
  return marked;
}

/** Checks every heartbeat until stopped; `onMarked` hears each run marked (live views). */
export function watchStaleRuns(store: Store, clock: () => Date, onMarked: (runId: string) => void, onError: (e: unknown) => void): () => void {
  const timer = setInterval(() => {
    markStaleRuns(store, clock()).then((ids) => ids.forEach(onMarked), onError);
  }, RUN_HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}

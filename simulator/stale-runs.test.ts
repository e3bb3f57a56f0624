// A run whose orchestrating process died ends `incomplete` with the reason; a live run's recorder
// reports at least every heartbeat, so it is never taken for dead; a resumed run is running again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRunRecorder, type RunPut } from '../conformance/run-recorder.ts';
import { TIMING_PROFILES } from '../conformance/timing.ts';
import { markStaleRuns, RUN_HEARTBEAT_MS, RUN_STALE_MS, STALE_REASON } from './stale-runs.ts';
import { createMemoryStore } from './store/memory.ts';
import type { StoredRun } from './store/types.ts';

const now = new Date('2026-12-01T03:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const run = (runId: string, status: StoredRun['status'], updated: Date): StoredRun => ({
  runId,
  sutCode: '000.00.00.H41',
  profile: 'core',
  status,
  started: ago(3_600_000),
  updated,
  data: { cases: [] },
});

describe('runs whose orchestrating process died', () => {
  afterEach(() => vi.useRealTimers());

  it('are marked incomplete with the reason once silent for the stale time; live, finished and aborted runs are left alone', async () => {
    const store = createMemoryStore();
    await store.putRun(run('dead', 'running', ago(RUN_STALE_MS + 1)));
    await store.putRun(run('alive', 'running', ago(RUN_HEARTBEAT_MS)));
    await store.putRun(run('done', 'finished', ago(10 * RUN_STALE_MS)));
    await store.putRun(run('stopped', 'aborted', ago(10 * RUN_STALE_MS)));
    expect(await markStaleRuns(store, now)).toEqual(['dead']);
    const dead = await store.getRun('dead');
    expect(dead).toMatchObject({ status: 'incomplete', updated: now, data: { cases: [], incompleteBecause: STALE_REASON } });
    expect((await store.getRun('alive'))?.status).toBe('running');
    expect((await store.getRun('done'))?.status).toBe('finished');
    expect(await markStaleRuns(store, now)).toEqual([]);
    // Resumed or re-run under the same id: its next report makes it running again.
    await store.putRun(run('dead', 'running', now));
    expect((await store.getRun('dead'))?.status).toBe('running');
  });

  it("get a report from the recorder at least every heartbeat while the run lasts, and none after it ends", async () => {
    vi.useFakeTimers();
    const puts: RunPut[] = [];
    const recorder = createRunRecorder(async (p) => void puts.push(p), {
      runId: 'r-1',
      sut: { code: '000.00.00.H41', name: 'Nghệ An' },
      profile: 'core',
      timing: TIMING_PROFILES.ci,
    });
    await vi.advanceTimersByTimeAsync(0);
    const first = puts.length;
    await vi.advanceTimersByTimeAsync(3 * RUN_HEARTBEAT_MS);
    expect(puts.length - first).toBe(3);
    expect(puts.every((p) => p.status === 'running')).toBe(true);
    await recorder.aborted({ vi: 'dừng', en: 'stopped' });
    const after = puts.length;
    await vi.advanceTimersByTimeAsync(3 * RUN_HEARTBEAT_MS);
    expect(puts.length).toBe(after);
  });
});

// Retention for a long-lived sandbox: journal entries, packets (with their deliveries), run records
// and run folders older than a configured age are removed in small batches, yielding to the event loop
// between batches so the axis keeps answering while old data goes.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PurgeCounts, Store } from './store/types.ts';

export interface RetentionOptions {
  /** Keep what is younger than this (milliseconds). */
  maxAgeMs: number;
  /** Rows of each kind per batch (default 500). */
  batch?: number;
  /** A folder whose run folders (`<run>/report.json` or `journal.jsonl`) are purged too. */
  runsDir?: string;
  clock?: () => Date;
}

export interface PurgeTotals extends PurgeCounts {
  runFolders: number;
  batches: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Only folders truc wrote a run into are candidates: never anything else an operator keeps there. */
async function isRunFolder(dir: string): Promise<boolean> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.includes('report.json') || names.includes('journal.jsonl');
}

async function newestChange(dir: string): Promise<number> {
  let newest = (await stat(dir)).mtimeMs;
  for (const name of await readdir(dir)) newest = Math.max(newest, (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0);
  return newest;
}

async function purgeRunFolders(runsDir: string, before: Date): Promise<number> {
  const entries = await readdir(runsDir, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = join(runsDir, entry.name);
    if (!(await isRunFolder(dir)) || (await newestChange(dir)) >= before.getTime()) continue;
    await rm(dir, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

/** One full purge: batches until nothing older than the age is left. */
export async function purgeOnce(store: Store, options: RetentionOptions): Promise<PurgeTotals> {
  const now = (options.clock ?? (() => new Date()))();
  const before = new Date(now.getTime() - options.maxAgeMs);
  const totals: PurgeTotals = { journal: 0, packets: 0, deliveries: 0, runs: 0, runFolders: 0, batches: 0 };
  for (;;) {
    const done = await store.purgeBefore(before, options.batch ?? 500);
    totals.batches += 1;
    totals.journal += done.journal;
    totals.packets += done.packets;
    totals.deliveries += done.deliveries;
    totals.runs += done.runs;
    if (done.journal === 0 && done.packets === 0 && done.runs === 0) break;
    await yieldToEventLoop();
  }
  if (totals.journal + totals.packets + totals.runs > 0) await store.reclaimSpace();
  if (options.runsDir) totals.runFolders = await purgeRunFolders(options.runsDir, before);
  return totals;
}

/** Purges now and then every `everyMs` until stopped; a failed purge is reported and retried next time. */
export function startRetention(
  store: Store,
  options: RetentionOptions & { everyMs: number; onPurge?: (totals: PurgeTotals) => void; onError?: (e: unknown) => void },
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = purgeOnce(store, options)
      .then(options.onPurge, options.onError)
      .finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `30m`, `12h`, `7d` → milliseconds; undefined when unreadable. */
export function parseAge(text: string): number | undefined {
  const match = /^(\d+)\s*([smhd])$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * UNITS[match[2]];
  return ms > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}

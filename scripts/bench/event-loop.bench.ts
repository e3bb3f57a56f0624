// Event-loop benchmark: how long the one event loop that serves the axis and times the SUT is
// blocked while the harness works. Measured with perf_hooks.monitorEventLoopDelay during a full
// demo (embedded PGlite store, fresh PKI folder, as `truc demo` runs) and during R-10 alone (the
// 20 MB packet). Goal on two cores: p99 under 50 ms, no stall over 200 ms. Also prints the wall
// time and the CPU seconds of each run. `npm run bench event-loop`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { RunProfile } from '../../conformance/catalogue.ts';
import { allCases } from '../../conformance/cases/index.ts';
import { runReferenceSuite } from '../../conformance/run-suite.ts';
import { resolveTiming } from '../../conformance/timing.ts';
import { openPkiFolder } from '../../simulator/pki-folder.ts';
import { openEmbeddedStore } from '../../simulator/store/sql/open.ts';

const GOAL_P99_MS = 50;
const GOAL_MAX_MS = 200;

async function measure(label: string, profile: RunProfile, only?: string): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'truc-bench-loop-'));
  try {
    const pki = await openPkiFolder(join(scratch, 'pki'), { create: true });
    const store = await openEmbeddedStore(scratch);
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    const cpu = process.cpuUsage();
    const started = Date.now();
    histogram.enable();
    const run = await runReferenceSuite({
      profile,
      timing: resolveTiming('ci'),
      pki,
      store,
      ...(only ? { cases: allCases.filter((c) => c.id === only) } : {}),
    });
    histogram.disable();
    const wall = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const ms = (ns: number) => ns / 1e6;
    const p99 = ms(histogram.percentile(99));
    const max = ms(histogram.max);
    const judged = only ? run.cases.filter((c) => c.id === only) : run.cases;
    const passed = judged.filter((c) => c.result === 'pass').length;
    process.stdout.write(
      `${label.padEnd(12)} loop delay p50 ${ms(histogram.percentile(50)).toFixed(1)} ms · p99 ${p99.toFixed(1)} ms (goal < ${GOAL_P99_MS}) · ` +
        `max ${max.toFixed(0)} ms (goal < ${GOAL_MAX_MS}) · ${wall.toFixed(1)} s wall · ${((used.user + used.system) / 1e6).toFixed(1)} s CPU · ` +
        `${run.verdict} · ${passed}/${judged.length} passed\n`,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  await measure('demo (full)', 'full');
  await measure('R-10 alone', 'core', 'R-10');
}

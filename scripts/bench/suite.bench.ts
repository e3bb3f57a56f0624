// Suite benchmark: the full profile with the ci timing against the reference agency (goal: under
// 30 s on two cores), the core profile beside it in the same run, each on a fresh in-process
// simulator with a memory store. Prints wall time, CPU time, the verdict, and where the wall time
// goes (concurrent phase, resilience cases run alone, the settle window).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunProfile } from '../../conformance/catalogue.ts';
import type { ProgressReporter } from '../../conformance/progress.ts';
import { runReferenceSuite } from '../../conformance/run-suite.ts';
import { resolveTiming } from '../../conformance/timing.ts';
import { openPkiFolder, type PkiFolder } from '../../simulator/pki-folder.ts';

const GOAL_SECONDS = 30;

async function measure(pki: PkiFolder, profile: RunProfile): Promise<void> {
  const marks: { text: string; at: number }[] = [];
  const started = Date.now();
  const progress: ProgressReporter = {
    runStarted: () => undefined,
    caseStarted: () => undefined,
    caseFinished: () => undefined,
    phase: (text) => marks.push({ text: text.en, at: Date.now() }),
    runFinished: () => undefined,
  };
  const cpu = process.cpuUsage();
  const run = await runReferenceSuite({ profile, timing: resolveTiming('ci'), pki, progress });
  const used = process.cpuUsage(cpu);
  const wall = (Date.now() - started) / 1000;
  const passed = run.cases.filter((c) => c.result === 'pass').length;
  const phases = [{ text: 'concurrent cases', at: started }, ...marks, { text: 'end', at: Date.now() }];
  const split = phases
    .slice(0, -1)
    .map((p, i) => `${p.text.split(' (')[0]} ${((phases[i + 1].at - p.at) / 1000).toFixed(1)} s`)
    .join(' · ');
  process.stdout.write(
    `${profile.padEnd(5)} ${wall.toFixed(1)} s wall (${(wall / GOAL_SECONDS).toFixed(2)} of the ${GOAL_SECONDS} s goal), ` +
      `${((used.user + used.system) / 1e6).toFixed(1)} s CPU, ${run.verdict}, ${passed}/${run.cases.length} passed\n      ${split}\n`,
  );
}

export async function run(): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'truc-bench-suite-'));
  try {
    const pki = await openPkiFolder(join(scratch, 'pki'), { create: true });
    await measure(pki, 'full');
    await measure(pki, 'core');
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

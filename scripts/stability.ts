// `npm run stability -- --runs N [--mutants] [--store memory|embedded] [--profile P]`: the same
// SUT, build and timing, run after run. Runs the demo (the reference agency, full profile, ci
// timing, a fresh PKI folder and embedded store each time, as `truc demo` does) N times one after
// the other, and with --mutants the mutant matrix N times too; then prints, per case, how many
// runs agreed on its result, and per mutant how many runs matched its declaration. A case whose
// result changes between identical runs is a defect of the suite to fix, not a run to retry.
// Exit 1 when anything disagreed or a demo was not conformant with every case passing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RUN_PROFILES, type RunProfile } from '../conformance/catalogue.ts';
import { examineMutants } from '../conformance/reference/mutants/examine.ts';
import { mutants } from '../conformance/reference/mutants/index.ts';
import { runReferenceSuite } from '../conformance/run-suite.ts';
import { resolveTiming } from '../conformance/timing.ts';
import { openPkiFolder } from '../simulator/pki-folder.ts';
import { openEmbeddedStore } from '../simulator/store/sql/open.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    mutants: { type: 'boolean', default: false },
    store: { type: 'string', default: 'embedded' },
    profile: { type: 'string', default: 'full' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || !RUN_PROFILES.includes(values.profile as RunProfile) || !['memory', 'embedded'].includes(values.store!)) {
  process.stderr.write('truc stability: --runs N (N ≥ 1), --profile core|business|resilience|full, --store memory|embedded\n');
  process.exit(2);
}
const profile = values.profile as RunProfile;
const timing = resolveTiming('ci');

/** Per key (case id, mutant name), the results seen, in run order. */
const seen = new Map<string, string[]>();
const note = (key: string, result: string) => seen.set(key, [...(seen.get(key) ?? []), result]);
let allPassing = 0;
let mutantMismatches = 0;

async function demoOnce(i: number): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'truc-stability-'));
  try {
    const pki = await openPkiFolder(join(scratch, 'pki'), { create: true });
    const store = values.store === 'embedded' ? await openEmbeddedStore(scratch) : undefined;
    const started = Date.now();
    const record = await runReferenceSuite({ profile, timing, pki, store });
    for (const c of record.cases) note(c.id, c.result);
    const passing = record.verdict === 'conformant' && record.cases.every((c) => c.result === 'pass');
    if (passing) allPassing++;
    const odd = record.cases.filter((c) => c.result !== 'pass').map((c) => `${c.id} ${c.result}: ${c.observed?.en ?? c.message.en}`);
    process.stdout.write(`demo ${i + 1}/${runs}: ${record.verdict}, ${record.cases.length - odd.length}/${record.cases.length} pass, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    for (const line of odd) process.stdout.write(`    ${line}\n`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function mutantsOnce(i: number): Promise<number> {
  const scratch = await mkdtemp(join(tmpdir(), 'truc-stability-mutants-'));
  try {
    const pki = await openPkiFolder(join(scratch, 'pki'), { create: true });
    const results = await examineMutants(mutants, { profile: 'full', timing, pki, concurrency: 4 });
    let matched = 0;
    for (const r of results) {
      const ok = !r.missed.length && !r.extra.length && !r.errors.length;
      if (ok) matched++;
      note(`mutant ${r.mutant.name}`, ok ? 'as declared' : `missed [${r.missed}] extra [${r.extra}] errors [${r.errors}]`);
    }
    mutantMismatches += results.length - matched;
    process.stdout.write(`mutants ${i + 1}/${runs}: ${matched}/${results.length} as declared\n`);
    return matched;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

for (let i = 0; i < runs; i++) await demoOnce(i);
if (values.mutants) for (let i = 0; i < runs; i++) await mutantsOnce(i);

let disagreeing = 0;
process.stdout.write(`\nKết quả giống nhau qua ${runs} lượt / runs agreeing, per case:\n`);
for (const [key, results] of seen) {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r, (counts.get(r) ?? 0) + 1);
  const [top, agreed] = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (counts.size > 1) disagreeing++;
  const spread = counts.size > 1 ? `  ← ${[...counts].map(([r, n]) => `${r} ×${n}`).join(', ')}` : '';
  process.stdout.write(`  ${key.padEnd(36)} ${agreed}/${results.length} ${top}${spread}\n`);
}
process.stdout.write(`\n${runs - allPassing === 0 ? 'every' : `${allPassing} of ${runs}`} demo runs conformant with every case passing; ${disagreeing} cases or mutants disagreed between runs\n`);
if (values.mutants) process.stdout.write(`${mutantMismatches} mutant runs differed from their declaration\n`);
process.exitCode = disagreeing || allPassing < runs || mutantMismatches ? 1 : 0;

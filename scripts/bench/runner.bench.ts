// Runner benchmark, side by side in one run: the engine's cost of event-driven waits. 48 cases
// wait concurrently, each for its own status among thousands of unrelated journal entries (a busy
// shared sandbox). Measured twice over the same workload: with `ctx.waitFor` (each entry tested
// once as it lands, attribution kept incrementally) and with `ctx.waitUntil` re-checking the whole
// journal on every event — the ratio is what waitFor saves.
import { defineCase, type CaseDefinition } from '../../conformance/case.ts';
import { CATALOGUE } from '../../conformance/catalogue.ts';
import { createInProcessDriver } from '../../conformance/drivers/in-process.ts';
import { runSuite } from '../../conformance/runner.ts';
import { createFakeAxis } from '../../conformance/testing/fake-axis.ts';

const CASES = 48;
const NOISE = 4_000;
const SUT = '000.00.00.H41';

async function measure(style: 'waitFor' | 'waitUntil'): Promise<number> {
  const axis = createFakeAxis();
  const entries = CATALOGUE.slice(0, CASES);
  const expected = { vi: 'có 01', en: 'a 01 arrives' };
  const cases: CaseDefinition[] = entries.map((e) =>
    defineCase({
      id: e.id,
      counterparts: 1,
      schedule: 'concurrent',
      await: (ctx) => {
        const mine = (x: { statusCode?: string; agencies: string[] }) => x.statusCode === '01' && x.agencies.includes(ctx.agencies[0]);
        return style === 'waitFor'
          ? ctx.waitFor((x) => mine(x) && ctx.ownEntries().includes(x), { expected })
          : ctx.waitUntil((all) => all.find((x) => mine(x)), { expected });
      },
    }),
  );
  let started = 0;
  const run = runSuite({
    runId: 'bench',
    profile: 'full',
    timing: { profile: 'ci', responseSeconds: 120, settleSeconds: 0.001 },
    sut: { code: SUT, name: 'bench' },
    cases,
    port: axis.port,
    driver: createInProcessDriver(async () => 'accepted'),
    suiteVersion: 'bench',
    concurrency: CASES,
  });
  // Let every case subscribe, then play a busy axis: noise, with each case's answer spread through it.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const codes = axis.provisioned.map((a) => a.code);
  started = performance.now();
  const every = Math.floor(NOISE / codes.length);
  for (let i = 0; i < NOISE; i++) {
    axis.record({ operation: 'getReceivedEdocList', caller: '000.00.00.H53', agencies: ['000.00.00.H53'] });
    if (i % every === every - 1 && codes.length) {
      axis.record({ operation: 'sendEdoc', caller: SUT, agencies: [SUT, codes.shift()!], statusCode: '01' });
    }
  }
  const record = await run;
  const elapsed = performance.now() - started;
  const passed = record.cases.filter((c) => c.result === 'pass').length;
  if (passed !== CASES) throw new Error(`${style}: ${passed}/${CASES} cases passed`);
  return elapsed;
}

export async function run(): Promise<void> {
  const incremental = await measure('waitFor');
  const rescanning = await measure('waitUntil');
  console.log(`runner: ${CASES} concurrent waits over ${NOISE} journal entries`);
  console.log(`  waitFor (per entry, incremental attribution): ${incremental.toFixed(0)} ms`);
  console.log(`  waitUntil (whole journal per event):          ${rescanning.toFixed(0)} ms`);
  console.log(`  ratio waitUntil / waitFor: ${(rescanning / incremental).toFixed(1)}×`);
}

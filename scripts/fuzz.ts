// `npm run fuzz -- [--requests N] [--store memory|pglite|postgres] [--seed S]`: the long fuzz run
// (simulator/attacks/fuzz.ts) against a live axis on 127.0.0.1; prints the figures as JSON and
// exits 1 when any reply was a 5xx or lacked the envelope, or the journal missed an exchange.
import { parseArgs } from 'node:util';
import { fuzzAxis } from '../simulator/attacks/fuzz.ts';
import { STORES, liveAxis } from '../simulator/attacks/support.ts';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '20000' }, store: { type: 'string', default: 'memory' }, seed: { type: 'string' } } });
const kind = STORES.find((s) => s.name === values.store);
const requests = Number(values.requests);
if (!kind || !Number.isInteger(requests) || requests < 1) {
  process.stderr.write('truc fuzz: [FUZZ-USAGE] Cần --requests (số nguyên dương) và --store memory|pglite|postgres. / Expected --requests (a positive integer) and --store memory|pglite|postgres.\n');
  process.exit(2);
}
const { store, dispose } = await kind.open();
const live = await liveAxis(store, {}, dispose);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
try {
  const figures = await fuzzAxis(live, requests, seed);
  process.stdout.write(`${JSON.stringify({ store: kind.name, seed, ...figures, requestsPerSecond: Math.round(figures.requests / figures.seconds) })}\n`);
  process.exitCode = figures.fiveXx === 0 && figures.withoutEnvelope === 0 && figures.journalGaps === 0 ? 0 : 1;
} catch (e) {
  process.stderr.write(`truc fuzz: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
} finally {
  await live.stop();
}

// `npm run bench`: imports and runs, one after the other, every `*.bench.ts` of this folder that
// exports `run()`. Benchmarks run in sequence so that they do not compete for the CPU.
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const benches = (await readdir(here))
  .filter((f) => f.endsWith('.bench.ts') && (only === undefined || f.startsWith(only)))
  .sort();

for (const file of benches) {
  const mod = (await import(pathToFileURL(here + file).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') continue;
  process.stdout.write(`\n== ${file} ==\n`);
  await mod.run();
}

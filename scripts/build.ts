// `npm run build` (also run by `prepare`): compiles the TypeScript sources to JavaScript with
// declarations in dist/, then copies the files that code reads next to itself at run time (JSON
// schemas, console assets), so dist/ works on its own when the package is installed, and writes
// the OpenAPI descriptions the server generates (dist/openapi/axis.json, control.json).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAxis } from '../simulator/axis.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');
/** The code folders compiled by tsconfig.build.json. */
const CODE_DIRS = ['edxml', 'simulator', 'conformance', 'cli', 'console'];

/** Files next to the code that are not code: not TypeScript, not tests, not test helpers. */
function* runtimeAssets(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing') yield* runtimeAssets(path);
    } else if (!entry.name.endsWith('.ts') && !/\.test\./.test(entry.name)) {
      yield path;
    }
  }
}

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const built = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (built.status !== 0) {
  process.stderr.write('build: tsc failed\n');
  process.exit(built.status ?? 1);
}
let copied = 0;
for (const dir of CODE_DIRS) {
  for (const asset of runtimeAssets(join(root, dir))) {
    const target = join(dist, relative(root, asset));
    cpSync(asset, target, { recursive: false });
    copied++;
  }
}
// The descriptions as served by a default axis (operations at /, control API at /_truc/v1).
const axis = await createAxis({ controlToken: 'build-only-token-not-served' });
mkdirSync(join(dist, 'openapi'), { recursive: true });
for (const [name, path] of [['axis', '/openapi.json'], ['control', `${axis.controlPrefix}/openapi.json`]]) {
  const doc: unknown = await (await axis.app.request(path)).json();
  writeFileSync(join(dist, 'openapi', `${name}.json`), `${JSON.stringify(doc, null, 2)}\n`);
}
await axis.close();
process.stdout.write(`build: ${relative(process.cwd(), dist) || '.'} ready (${copied} asset${copied === 1 ? '' : 's'} copied beside the code)\n`);

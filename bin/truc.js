#!/usr/bin/env node
// The published package holds the compiled JavaScript (dist/) and starts from it, without tsx.
// A source checkout holds the TypeScript sources next to this file: there truc runs them through
// tsx (a dev dependency), so an edit takes effect at once and no build can ever be stale.
import { existsSync } from 'node:fs';

const source = new URL('../cli/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import('../dist/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));

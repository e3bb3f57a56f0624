// The package's own folder, found from this module: the checkout's root when running the
// TypeScript sources, the installed package's root when running the compiled code from dist/
// (one level deeper). Files read at run time (package.json, the seeded directory) are named from
// here so that both layouts read the same files.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`truc: no package.json above ${start}`);
  }
}

export const PACKAGE_ROOT = findRoot();

/** A path inside the package, e.g. `packagePath('fixtures', 'directory', 'agencies.json')`. */
export const packagePath = (...segments: string[]): string => join(PACKAGE_ROOT, ...segments);

// A vendor's project in a temporary folder with truc installed from its tarball by npm, offline:
// truc's dependencies (and any extra package asked for) come from this checkout's node_modules as
// `file:` links, so nothing is downloaded and only the declared dependencies are visible.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './pack.ts';

const run = promisify(execFile);

export async function scratchProject(tarball: string, extra: string[], type: 'module' | 'commonjs' = 'module'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'truc-vendor-'));
  const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const dependencies: Record<string, string> = { truc: `file:${tarball}` };
  for (const name of [...Object.keys(pkg.dependencies), ...extra]) dependencies[name] = `file:${join(REPO_ROOT, 'node_modules', name)}`;
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'vendor-project', private: true, type, dependencies }, null, 2));
  // --install-links=false: the checkout's packages are linked, not copied; --ignore-scripts: they
  // are already built (some would rebuild themselves with their own dev tools).
  await run('npm', ['install', '--offline', '--ignore-scripts', '--install-links=false', '--no-audit', '--no-fund'], { cwd: dir, maxBuffer: 16 << 20 });
  return dir;
}

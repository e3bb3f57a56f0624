// Builds and packs truc as `npm pack` would publish it, for the tests that install the tarball
// (scratch vendor projects, the image). One build at a time per checkout: the build replaces dist/.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface PackedTruc {
  tarball: string;
  /** Paths inside the tarball, relative to the package root. */
  files: string[];
  version: string;
}

/** Holds a lock directory (atomic mkdir) while `work` runs, so parallel test files build in turn. */
async function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), `${name}-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}.lock`);
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** `npm run build`, then `npm pack` into a fresh temporary folder. */
export async function packTruc(): Promise<PackedTruc> {
  const dest = await mkdtemp(join(tmpdir(), 'truc-pack-'));
  return withLock('truc-build', async () => {
    await run(NPM, ['run', 'build'], { cwd: REPO_ROOT, maxBuffer: 16 << 20 });
    const { stdout } = await run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: REPO_ROOT, maxBuffer: 16 << 20 });
    const [info] = JSON.parse(stdout) as { filename: string; version: string; files: { path: string }[] }[];
    return { tarball: join(dest, info.filename), files: info.files.map((f) => f.path), version: info.version };
  });
}

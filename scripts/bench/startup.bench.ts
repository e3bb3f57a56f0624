// How long `truc --help` and `truc --version` take to start, against `node -e 0`, side by side:
// the published package (npm pack, compiled JavaScript, run from the unpacked tarball) and this
// checkout's bin (the TypeScript sources through tsx). Goal (issue 12): the package at ≤ 5× node -e 0.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packTruc, REPO_ROOT } from '../package/pack.ts';

const exec = promisify(execFile);
const ROUNDS = 15;

function millis(args: string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<void> {
  const packed = await packTruc();
  const unpacked = await mkdtemp(join(tmpdir(), 'truc-startup-'));
  await exec('tar', ['-xzf', packed.tarball, '-C', unpacked]);
  // The dependencies a user's npm would install: linked from this checkout (tsx is not used:
  // the unpacked package has no TypeScript sources, so its bin loads dist/).
  await symlink(join(REPO_ROOT, 'node_modules'), join(unpacked, 'package', 'node_modules'), 'dir');
  const packageBin = join(unpacked, 'package', 'bin', 'truc.js');
  const checkoutBin = join(REPO_ROOT, 'bin', 'truc.js');

  const subjects: [string, string[]][] = [
    ['node -e 0', ['-e', '0']],
    ['package: truc --help', [packageBin, '--help']],
    ['package: truc --version', [packageBin, '--version']],
    ['checkout (tsx): truc --help', [checkoutBin, '--help']],
    ['checkout (tsx): truc --version', [checkoutBin, '--version']],
  ];
  for (const [, args] of subjects) millis(args); // warm the file cache
  const times = subjects.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) subjects.forEach(([, args], i) => times[i].push(millis(args)));

  const base = median(times[0]);
  process.stdout.write(`startup, median of ${ROUNDS} interleaved runs (truc ${packed.version}):\n`);
  subjects.forEach(([name], i) => {
    const m = median(times[i]);
    process.stdout.write(`  ${name.padEnd(32)} ${m.toFixed(0).padStart(6)} ms  ${(m / base).toFixed(1).padStart(5)}× node -e 0\n`);
  });
  const worst = Math.max(median(times[1]), median(times[2])) / base;
  process.stdout.write(`  goal: package ≤ 5.0× node -e 0 → ${worst.toFixed(1)}× ${worst <= 5 ? 'met' : 'NOT MET'}\n`);
}

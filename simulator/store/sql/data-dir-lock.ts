// PGlite is a single-process engine: two processes writing one data folder would corrupt it (two
// `truc serve` on the default ./truc-data is an easy mistake). A lock file holding the owner's pid
// refuses the second; a lock left by a killed process (pid no longer alive) is taken over.
import { open, readFile, rm } from 'node:fs/promises';
import { StoreError } from './errors.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const inUse = (dir: string, owner: string): StoreError =>
  new StoreError(
    'STORE-OPEN-EMBEDDED',
    `Thư mục dữ liệu ${dir} đang được tiến trình ${owner} sử dụng.`,
    `The data folder ${dir} is in use by process ${owner}.`,
  );

/** Takes the folder's lock; resolves to the function that releases it. */
export async function lockDataDir(lockPath: string, dir: string): Promise<() => Promise<void>> {
  // Two rounds: the second follows the removal of a stale lock; losing that race to another
  // process that took the lock in between means the folder is in use.
  let owner = 'unknown';
  for (let round = 0; round < 2; round += 1) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    owner = (await readFile(lockPath, 'utf8').catch(() => '')).trim() || 'unknown';
    const pid = Number.parseInt(owner, 10);
    // The same process counts as alive too: a second engine on one folder corrupts it just the same.
    if (Number.isInteger(pid) && alive(pid)) throw inUse(dir, owner);
    await rm(lockPath, { force: true });
  }
  throw inUse(dir, owner);
}

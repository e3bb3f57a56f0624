import { afterAll } from 'vitest';
import { describeStoreContract } from '../store-contract.ts';
import { openEmbeddedStore } from './open.ts';
import { removeDir, preparedDataDir } from './test-support.ts';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

describeStoreContract('SQL on embedded PGlite', async () => {
  const dir = await preparedDataDir();
  dirs.push(dir);
  return openEmbeddedStore(dir);
});

import { afterAll, describe, expect, it } from 'vitest';
import { describeStoreContract } from '../store-contract.ts';
import { openPostgresStore } from './open.ts';
import { TEST_PG_URL, dropSchemas, randomSchema } from './test-support.ts';

const schemas: string[] = [];
afterAll(() => dropSchemas(schemas));

describeStoreContract('SQL on PostgreSQL', async () => {
  const schema = randomSchema();
  schemas.push(schema);
  return openPostgresStore(TEST_PG_URL, { schema });
});

describe('run reservations across processes', () => {
  it('two stores on one database (two replicas) never reserve overlapping ranges', async () => {
    const schema = randomSchema();
    schemas.push(schema);
    const a = await openPostgresStore(TEST_PG_URL, { schema });
    const b = await openPostgresStore(TEST_PG_URL, { schema });
    try {
      const now = new Date();
      const request = (store: typeof a, i: number) =>
        store.reserveRun({ runId: `r-${i}`, sutCode: `SUT-${i}`, agencies: 37, numbers: 500, agencyFloor: 0, numberFloor: 0, now, staleBefore: new Date(now.getTime() - 60_000) });
      const runs = await Promise.all(Array.from({ length: 16 }, (_, i) => request(i % 2 ? a : b, i)));
      const starts = runs.map((r) => ('conflict' in r ? -1 : r.agencyStart)).sort((x, y) => x - y);
      expect(starts).toEqual(Array.from({ length: 16 }, (_, i) => i * 37));
      const numbers = runs.map((r) => ('conflict' in r ? -1 : r.numberStart)).sort((x, y) => x - y);
      expect(numbers).toEqual(Array.from({ length: 16 }, (_, i) => i * 500));
    } finally {
      await a.close();
      await b.close();
    }
  });
});

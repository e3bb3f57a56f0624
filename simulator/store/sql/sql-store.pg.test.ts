import { afterAll } from 'vitest';
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

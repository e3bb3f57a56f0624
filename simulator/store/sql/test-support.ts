// Helpers shared by the SQL store's tests: throw-away data folders and PostgreSQL schemas, so that
// parallel runs never see each other's data.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The test database of the house rules (trust auth); TRUC_TEST_PG overrides it. */
export const TEST_PG_URL = process.env.TRUC_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export const tempDataDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'truc-store-'));

export const removeDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

export const randomSchema = (): string => `truc_test_${randomBytes(6).toString('hex')}`;

export async function dropSchemas(schemas: string[]): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

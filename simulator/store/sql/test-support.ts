// Helpers shared by the SQL store's tests: throw-away data folders and PostgreSQL schemas, so that
// parallel runs never see each other's data.
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openEmbeddedStore } from './open.ts';
import { MIGRATIONS } from './schema.ts';

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

// Creating a PGlite cluster runs initdb (2 to 15 s on a busy 2-core machine); opening an existing
// one takes well under a second. Tests therefore copy a migrated template cluster, built once per
// machine and schema. Its name carries a hash of the migrations, so a schema change builds a new one.
const templateDir = (): string => {
  const hash = createHash('sha256').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 12);
  return join(tmpdir(), `truc-pglite-template-${hash}`);
};

async function ensureTemplate(): Promise<string> {
  const template = templateDir();
  if (await stat(join(template, 'db')).then(() => true, () => false)) return template;
  const building = await mkdtemp(`${template}-building-`);
  const store = await openEmbeddedStore(building);
  await store.close();
  // Several test processes may build at once: the first rename wins, the others discard theirs.
  await rename(building, template).catch(() => rm(building, { recursive: true, force: true }));
  return template;
}

/** A fresh temporary data folder already holding a migrated, empty embedded database. */
export async function preparedDataDir(): Promise<string> {
  const template = await ensureTemplate();
  const dir = await tempDataDir();
  await cp(join(template, 'db'), join(dir, 'db'), { recursive: true });
  return dir;
}

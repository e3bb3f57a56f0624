import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { SqlDriver } from './driver.ts';
import { StoreError } from './errors.ts';
import { migrate, splitStatements } from './migrate.ts';
import { openEmbeddedStore, openPostgresStore } from './open.ts';
import { openPgDriver } from './pg-driver.ts';
import { MIGRATIONS } from './schema.ts';
import { TEST_PG_URL, dropSchemas, preparedDataDir, randomSchema, removeDir, tempDataDir } from './test-support.ts';

const schemas: string[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await dropSchemas(schemas);
  await Promise.all(dirs.map(removeDir));
});

const newSchema = (): string => {
  const schema = randomSchema();
  schemas.push(schema);
  return schema;
};

async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StoreError)) throw new Error(`expected a StoreError, got ${String(error)}`);
  return error;
}

async function versions(driver: SqlDriver): Promise<number[]> {
  const rows = await driver.query<{ version: number }>('SELECT version FROM truc_schema_version ORDER BY version');
  return rows.map((r) => Number(r.version));
}

const RELEASED = MIGRATIONS.map((m) => m.version);
const LATEST = RELEASED.at(-1) as number;

describe('schema migrations', () => {
  it('splits a script into statements, dropping comment lines', () => {
    expect(splitStatements('-- why\nCREATE TABLE a (x int);\n\nCREATE INDEX b ON a (x);\n')).toEqual([
      'CREATE TABLE a (x int)',
      'CREATE INDEX b ON a (x)',
    ]);
  });

  it('applies each migration once and records its version', async () => {
    const driver = await openPgDriver(TEST_PG_URL, { schema: newSchema() });
    try {
      expect(await migrate(driver)).toBe(LATEST);
      expect(await migrate(driver)).toBe(LATEST);
      expect(await versions(driver)).toEqual(RELEASED);
      const next = [...MIGRATIONS, { version: LATEST + 1, description: 'extra', sql: 'CREATE TABLE extra (x integer);' }];
      expect(await migrate(driver, next)).toBe(LATEST + 1);
      expect(await versions(driver)).toEqual([...RELEASED, LATEST + 1]);
      expect(await driver.query('SELECT * FROM extra')).toEqual([]);
    } finally {
      await driver.close();
    }
  });

  it('rolls a failing migration back entirely', async () => {
    const driver = await openPgDriver(TEST_PG_URL, { schema: newSchema() });
    try {
      await migrate(driver);
      const broken = [...MIGRATIONS, { version: LATEST + 1, description: 'broken', sql: 'CREATE TABLE half (x integer);\nSELECT nope;' }];
      await expect(migrate(driver, broken)).rejects.toThrow();
      expect(await versions(driver)).toEqual(RELEASED);
      await expect(driver.query('SELECT * FROM half')).rejects.toThrow();
    } finally {
      await driver.close();
    }
  });

  it('lets several processes open one schema at once', async () => {
    const schema = newSchema();
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(TEST_PG_URL, { schema })));
    try {
      await stores[0].putSystem({ systemId: 'vxp.saas.02', secret: 's', created: new Date() });
      expect((await stores[2].getSystem('vxp.saas.02'))?.secret).toBe('s');
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('refuses a database written by a newer truc', async () => {
    const schema = newSchema();
    await (await openPostgresStore(TEST_PG_URL, { schema })).close();
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    await client.query(`INSERT INTO ${schema}.truc_schema_version (version, description) VALUES (99, 'future')`);
    await client.end();
    const error = await storeError(openPostgresStore(TEST_PG_URL, { schema }));
    expect(error.code).toBe('STORE-SCHEMA-NEWER');
    expect(error.en).toMatch(/schema version 99/);
  });
});

describe('opening failures are bilingual StoreErrors', () => {
  it('an unreachable server, without repeating the password', async () => {
    const error = await storeError(openPostgresStore('postgres://postgres:hunter2@127.0.0.1:1/test'));
    expect(error.code).toBe('STORE-OPEN-PG');
    expect(error.vi).toMatch(/^Không kết nối được PostgreSQL 127\.0\.0\.1:1\/test/);
    expect(`${error.vi} ${error.en}`).not.toMatch(/hunter2/);
  });

  it('a schema name that is not a plain identifier', async () => {
    const error = await storeError(openPostgresStore(TEST_PG_URL, { schema: 'x; DROP TABLE y' }));
    expect(error.code).toBe('STORE-SCHEMA-NAME');
  });

  it('a data folder that is a file', async () => {
    const dir = await tempDataDir();
    dirs.push(dir);
    await writeFile(join(dir, 'file'), 'not a folder');
    const error = await storeError(openEmbeddedStore(join(dir, 'file')));
    expect(error.code).toBe('STORE-OPEN-EMBEDDED');
  });

  it('a data folder already open, by this or another process', async () => {
    // A fresh folder on purpose: this is the one test that creates a new cluster every run.
    const dir = await tempDataDir();
    dirs.push(dir);
    const first = await openEmbeddedStore(dir);
    try {
      const error = await storeError(openEmbeddedStore(dir));
      expect(error.en).toMatch(new RegExp(`in use by process ${process.pid}`));
    } finally {
      await first.close();
    }
    const reopened = await openEmbeddedStore(dir);
    await reopened.close();
  });

  it('a lock left by a dead process is taken over', async () => {
    const dir = await preparedDataDir();
    dirs.push(dir);
    // pid 2^22 + 1 is above Linux's pid_max ceiling, so no process can hold it.
    await writeFile(join(dir, 'db.lock'), `${2 ** 22 + 1}\n`);
    const store = await openEmbeddedStore(dir);
    await store.close();
  });

  it('a closed store', async () => {
    const store = await openPostgresStore(TEST_PG_URL, { schema: newSchema() });
    await store.close();
    expect((await storeError(store.getSystem('x'))).code).toBe('STORE-CLOSED');
  });
});

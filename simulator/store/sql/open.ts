// Opening the SQL store: the embedded engine in a data folder (the default of `truc serve`) or a
// PostgreSQL server. Both bring the schema up to date before returning.
import { join } from 'node:path';
import type { SqlDriver } from './driver.ts';
import { migrate } from './migrate.ts';
import { openPgDriver } from './pg-driver.ts';
import { openPgliteDriver } from './pglite-driver.ts';
import { SqlStore } from './sql-store.ts';

async function ready(driver: SqlDriver): Promise<SqlStore> {
  try {
    await migrate(driver);
  } catch (e) {
    await driver.close().catch(() => {});
    throw e;
  }
  return new SqlStore(driver);
}

/** The embedded store keeping its database in `<dataDir>/db` (the folder is created if needed). */
export async function openEmbeddedStore(dataDir: string): Promise<SqlStore> {
  return ready(await openPgliteDriver(join(dataDir, 'db')));
}

/**
 * The store on a PostgreSQL server. With `schema`, its tables live in that schema (created if
 * missing), so several simulators or test runs can share one database.
 */
export async function openPostgresStore(url: string, options: { schema?: string } = {}): Promise<SqlStore> {
  return ready(await openPgDriver(url, options));
}

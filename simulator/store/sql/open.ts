// Opening the SQL store: the embedded engine in a data folder (the default of `truc serve`) or a
// PostgreSQL server. Both bring the schema up to date before returning.
import { join } from 'node:path';
import type { SqlDriver } from './driver.ts';
import { migrate } from './migrate.ts';
import { openPgDriver } from './pg-driver.ts';
import { openPgliteDriver } from './pglite-driver.ts';
import { SqlStore, type JournalAnnouncements } from './sql-store.ts';

async function ready(driver: SqlDriver, announcements?: JournalAnnouncements): Promise<SqlStore> {
  try {
    await migrate(driver);
  } catch (e) {
    await driver.close().catch(() => {});
    throw e;
  }
  return new SqlStore(driver, announcements);
}

/** The embedded store keeping its database in `<dataDir>/db` (the folder is created if needed). */
export async function openEmbeddedStore(dataDir: string): Promise<SqlStore> {
  return ready(await openPgliteDriver(join(dataDir, 'db')));
}

/**
 * The store on a PostgreSQL server. With `schema`, its tables live in that schema (created if
 * missing), so several simulators or test runs can share one database. Every process opening the
 * same schema is a replica of one sandbox: journal appends are announced to all (followJournal).
 */
export async function openPostgresStore(url: string, options: { schema?: string } = {}): Promise<SqlStore> {
  const driver = await openPgDriver(url, options);
  return ready(driver, { notifications: driver, channel: `truc_journal_${options.schema ?? 'public'}` });
}

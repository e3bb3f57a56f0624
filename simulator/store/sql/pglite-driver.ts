// Embedded PostgreSQL (PGlite, WebAssembly) keeping its files in a folder: the default store of
// `truc serve`, no server to install.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.ts';
import type { SqlDriver, SqlExecutor } from './driver.ts';
import { StoreError, reasonOf } from './errors.ts';

/**
 * PGlite's own bytea conversion walks the bytes in JavaScript (about 6 s to store and 2 s to read a
 * 27 MB packet, R-10's size); Node's native hex codec does the same in a fraction of that.
 */
const BYTEA_OID = 17;
const byteaToText = (value: unknown): string => `\\x${Buffer.from(value as Uint8Array).toString('hex')}`;
const byteaFromText = (text: string): Uint8Array => new Uint8Array(Buffer.from(text.slice(2), 'hex'));

export async function openPgliteDriver(dataDir: string): Promise<SqlDriver> {
  let db: PGlite;
  let unlock: (() => Promise<void>) | undefined;
  try {
    await mkdir(dataDir, { recursive: true });
    unlock = await lockDataDir(`${dataDir}.lock`, dataDir);
    db = await PGlite.create({ dataDir, serializers: { [BYTEA_OID]: byteaToText }, parsers: { [BYTEA_OID]: byteaFromText } });
  } catch (e) {
    await unlock?.();
    if (e instanceof StoreError) throw e;
    throw new StoreError(
      'STORE-OPEN-EMBEDDED',
      `Không mở được cơ sở dữ liệu nhúng tại ${dataDir} (${reasonOf(e)}).`,
      `Cannot open the embedded database at ${dataDir} (${reasonOf(e)}).`,
      { cause: e },
    );
  }
  const executor = (target: Pick<PGlite, 'query'>): SqlExecutor => ({
    query: async <R>(text: string, params: unknown[] = []) => (await target.query<R>(text, params)).rows,
  });
  return {
    ...executor(db),
    transaction: (work) => db.transaction((tx) => work(executor(tx))),
    close: async () => {
      try {
        await db.close();
      } finally {
        await unlock?.();
      }
    },
  };
}

// A PostgreSQL server through node-postgres (`--pg URL`), for a deployment shared by several truc
// processes. An optional schema isolates one simulator (or one test run) inside a shared database.
import pg from 'pg';
import type { SqlDriver, SqlExecutor, SqlNotifications } from './driver.ts';
import { StoreError, reasonOf } from './errors.ts';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new StoreError(
      'STORE-SCHEMA-NAME',
      `Tên schema "${schema}" không hợp lệ (chỉ chữ thường, số, dấu gạch dưới).`,
      `Schema name "${schema}" is invalid (lower-case letters, digits and underscores only).`,
    );
  }
}

const openFailure = (url: string, e: unknown): StoreError => {
  // The URL may hold a password: only its host part is repeated in the message.
  let where = 'PostgreSQL';
  try {
    const parsed = new URL(url);
    where = `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    where = 'PostgreSQL (URL không đọc được / unreadable URL)';
  }
  return new StoreError(
    'STORE-OPEN-PG',
    `Không kết nối được PostgreSQL ${where} (${reasonOf(e)}).`,
    `Cannot connect to PostgreSQL ${where} (${reasonOf(e)}).`,
    { cause: e },
  );
};

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to other queries). When the
 * connection drops, it reconnects every second until stopped; notifications sent meanwhile are
 * lost, which followers tolerate (they catch up from the journal by id).
 */
function listener(url: string): SqlNotifications['listen'] {
  return async (channel, onPayload) => {
    let stopped = false;
    let client: pg.Client | undefined;
    const connect = async (): Promise<void> => {
      const next = new pg.Client({ connectionString: url });
      next.on('error', () => {});
      next.on('notification', (n) => {
        if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
      });
      try {
        await next.connect();
        await next.query(`LISTEN "${channel}"`);
      } catch (e) {
        await next.end().catch(() => {});
        throw e;
      }
      if (stopped) return void (await next.end());
      client = next;
      next.on('end', () => {
        client = undefined;
        if (!stopped) reconnect();
      });
    };
    const reconnect = (): void => void setTimeout(() => connect().catch(reconnect), 1000).unref();
    await connect();
    return async () => {
      stopped = true;
      await client?.end().catch(() => {});
    };
  };
}

export async function openPgDriver(url: string, options: { schema?: string } = {}): Promise<SqlDriver & SqlNotifications> {
  if (options.schema !== undefined) checkSchemaName(options.schema);
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({
      connectionString: url,
      max: 8,
      // Every pooled connection starts in the store's schema, so queries stay unqualified.
      options: options.schema ? `-c search_path=${options.schema}` : undefined,
    });
  } catch (e) {
    throw openFailure(url, e);
  }
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    if (options.schema) {
      // Concurrent CREATE SCHEMA IF NOT EXISTS can still collide: serialise on the migration lock.
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT pg_advisory_xact_lock(hashtext('truc-schema:' || $1))`, [options.schema]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    } else {
      await pool.query('SELECT 1');
    }
  } catch (e) {
    await pool.end().catch(() => {});
    throw openFailure(url, e);
  }

  const executor = (target: Pick<pg.PoolClient, 'query'>): SqlExecutor => ({
    query: async <R>(text: string, params: unknown[] = []) =>
      (await target.query(text, params)).rows as R[],
  });
  return {
    ...executor(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    listen: listener(url),
  };
}

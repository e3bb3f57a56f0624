// A tiny migration runner: applies the missing entries of MIGRATIONS in one transaction and records
// each in a version table. Several processes may open one PostgreSQL schema at once (a shared
// deployment, parallel tests), so the transaction first takes an advisory lock named after the schema.
import type { SqlDriver } from './driver.ts';
import { StoreError } from './errors.ts';
import { MIGRATIONS, type Migration } from './schema.ts';

export async function migrate(driver: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  return driver.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('truc-schema:' || current_schema()))`);
    await tx.query(`CREATE TABLE IF NOT EXISTS truc_schema_version (
      version     integer PRIMARY KEY,
      description text NOT NULL,
      applied     timestamptz NOT NULL DEFAULT now()
    )`);
    const [row] = await tx.query<{ current: number | null }>('SELECT max(version) AS current FROM truc_schema_version');
    const current = row?.current ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (current > latest) {
      throw new StoreError(
        'STORE-SCHEMA-NEWER',
        `Cơ sở dữ liệu ở phiên bản lược đồ ${current}, mới hơn phiên bản ${latest} mà bản truc này hiểu.`,
        `The database is at schema version ${current}, newer than version ${latest} this truc understands.`,
      );
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      // Statements of one migration run one by one: the extended protocol takes a single statement.
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO truc_schema_version (version, description) VALUES ($1, $2)', [m.version, m.description]);
    }
    return latest;
  });
}

/** Splits a schema script at semicolons that end a line; the scripts here hold no procedural code. */
export function splitStatements(script: string): string[] {
  return script
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}

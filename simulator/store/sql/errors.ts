// Failures of the SQL store that a user can cause (bad URL, unreachable server, unusable folder,
// a database written by a newer truc) are values with a stable code and one bilingual sentence,
// so `truc serve` can print them instead of a stack trace.

export type StoreErrorCode =
  | 'STORE-OPEN-EMBEDDED'
  | 'STORE-OPEN-PG'
  | 'STORE-SCHEMA-NAME'
  | 'STORE-SCHEMA-NEWER'
  | 'STORE-CLOSED';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    readonly vi: string,
    readonly en: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${en}`, options);
  }
}

/** The reason a driver gave, reduced to one line (never a stack). */
export function reasonOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0] || 'unknown';
}

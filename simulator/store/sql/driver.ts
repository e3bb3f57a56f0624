// The seam between the store and a PostgreSQL engine. Both engines speak the same dialect, so the
// store holds every query once; a driver only knows how to run text with `$n` parameters and how
// to give a transaction that is committed before it resolves.

export interface SqlExecutor {
  /** One statement with `$1…` parameters; rows as objects keyed by column name. */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface SqlDriver extends SqlExecutor {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A server engine's notifications (PostgreSQL LISTEN/NOTIFY), shared by every process on one database. */
export interface SqlNotifications {
  /** Calls `onPayload` for each notification on `channel` until the returned stop function runs. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}

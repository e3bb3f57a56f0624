// The Store over one PostgreSQL dialect, run by either driver (embedded PGlite or a pg server).
// acceptSend writes the packet and its deliveries in one transaction, so when it resolves the send
// is committed; the core answers OK only after that.
import type {
  Delivery,
  DeliveryPatch,
  DeliveryQuery,
  JournalEntry,
  JournalQuery,
  NewJournalEntry,
  PacketQuery,
  PurgeCounts,
  RunQuery,
  ReservationConflict,
  StoredReservation,
  ReservationRequest,
  Store,
  StoredRun,
  StoredAgency,
  StoredPacket,
  SystemRecord,
  TenantRecord,
} from '../types.ts';
import { randomBytes } from 'node:crypto';
import type { SqlDriver, SqlExecutor, SqlNotifications } from './driver.ts';
import { StoreError } from './errors.ts';
import {
  agencyColumns,
  agencyFromRow,
  agencyValues,
  systemFromRow,
  deliveryColumns,
  deliveryFromRow,
  deliveryPatchColumns,
  deliveryValues,
  journalColumns,
  journalFromRow,
  journalValues,
  packetColumns,
  packetFromRow,
  packetValues,
  runFromRow,
  reservationFromRow,
  tenantFromRow,
  type Row,
} from './rows.ts';

/** PostgreSQL takes at most 65 535 parameters per statement: bulk inserts go in chunks below that. */
const MAX_PARAMS = 60_000;

/** Collects `column op $n` conditions and their parameters for one WHERE clause. */
class Where {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(condition: string): void {
    this.conditions.push(condition);
  }

  eq(column: string, value: unknown): void {
    if (value !== undefined) this.add(`${column} = ${this.param(value)}`);
  }

  /** Expanded to `IN ($a, $b)` rather than an array parameter, which the two drivers bind differently. */
  oneOf(column: string, values: readonly unknown[] | undefined): void {
    if (values === undefined) return;
    this.add(values.length === 0 ? 'false' : `${column} IN (${values.map((v) => this.param(v)).join(', ')})`);
  }

  between(column: string, since?: Date, until?: Date): void {
    if (since) this.add(`${column} >= ${this.param(since)}`);
    if (until) this.add(`${column} <= ${this.param(until)}`);
  }

  toString(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

async function insertRows(
  db: SqlExecutor,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
  suffix = '',
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const slots = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`, params);
  }
}

const upsertAgency = `ON CONFLICT (code) DO UPDATE SET ${agencyColumns
  .filter((c) => c !== 'code')
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(', ')}`;

function deliveryWhere(q: DeliveryQuery): Where {
  const where = new Where();
  where.eq('sender_id', q.senderId);
  where.eq('recipient_system', q.recipientSystem);
  where.eq('recipient_code', q.recipientCode);
  where.eq('message_type', q.messageType);
  where.oneOf('state', q.states);
  where.between('created', q.since, q.until);
  if (q.tenant !== undefined) {
    const tenant = where.param(q.tenant);
    where.add(
      `(recipient_system IN (SELECT system_id FROM systems WHERE tenant = ${tenant}) OR sender_id IN (SELECT sender_id FROM packets WHERE tenant = ${tenant}))`,
    );
  }
  return where;
}

/** Where journal appends are announced to the other processes on one PostgreSQL database. */
export interface JournalAnnouncements {
  notifications: SqlNotifications;
  /** A channel per schema: processes on other schemas are other sandboxes. */
  channel: string;
}

export class SqlStore implements Store {
  private closed = false;
  /** Tells this process's own announcements from other replicas'. */
  private readonly instance = randomBytes(8).toString('hex');

  /** Present only on a server engine, where other processes may share the store. */
  readonly followJournal?: (onEntry: (entry: JournalEntry) => void) => Promise<() => Promise<void>>;

  constructor(
    private readonly driver: SqlDriver,
    private readonly announcements?: JournalAnnouncements,
  ) {
    if (announcements) this.followJournal = (onEntry) => this.follow(announcements, onEntry);
  }

  private get db(): SqlDriver {
    if (this.closed) {
      throw new StoreError('STORE-CLOSED', 'Kho dữ liệu đã đóng.', 'The store is closed.');
    }
    return this.driver;
  }

  async putSystem(system: SystemRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO systems (system_id, secret, created, tenant) VALUES ($1, $2, $3, $4)
       ON CONFLICT (system_id) DO UPDATE SET secret = EXCLUDED.secret, created = EXCLUDED.created, tenant = EXCLUDED.tenant`,
      [system.systemId, system.secret, system.created, system.tenant ?? null],
    );
  }

  async getSystem(systemId: string): Promise<SystemRecord | undefined> {
    const [row] = await this.db.query<Row>('SELECT * FROM systems WHERE system_id = $1', [systemId]);
    return row && systemFromRow(row);
  }

  async listSystems(): Promise<SystemRecord[]> {
    // COLLATE "C": byte order, the same as the memory store's string comparison.
    const rows = await this.db.query<Row>('SELECT * FROM systems ORDER BY system_id COLLATE "C"');
    return rows.map(systemFromRow);
  }

  async deleteSystem(systemId: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM systems WHERE system_id = $1 RETURNING system_id', [systemId]);
    return rows.length > 0;
  }

  async putTenant(tenant: TenantRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO tenants (id, name, kind, token_sha256, created) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, token_sha256 = EXCLUDED.token_sha256, created = EXCLUDED.created`,
      [tenant.id, tenant.name, tenant.kind ?? null, tenant.tokenSha256, tenant.created],
    );
  }

  async getTenant(id: string): Promise<TenantRecord | undefined> {
    const [row] = await this.db.query<Row>('SELECT * FROM tenants WHERE id = $1', [id]);
    return row && tenantFromRow(row);
  }

  async listTenants(): Promise<TenantRecord[]> {
    const rows = await this.db.query<Row>('SELECT * FROM tenants ORDER BY id COLLATE "C"');
    return rows.map(tenantFromRow);
  }

  async deleteTenant(id: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM tenants WHERE id = $1 RETURNING id', [id]);
    return rows.length > 0;
  }

  async putAgency(agency: StoredAgency): Promise<void> {
    await insertRows(this.db, 'agencies', agencyColumns, [agencyValues(agency)], upsertAgency);
  }

  async putAgencies(agencies: StoredAgency[]): Promise<void> {
    // One statement cannot update the same code twice: the last record of a code wins, as with putAgency.
    const byCode = new Map(agencies.map((a) => [a.code, a]));
    await this.db.transaction((tx) => insertRows(tx, 'agencies', agencyColumns, [...byCode.values()].map(agencyValues), upsertAgency));
  }

  async findAgency(code: string): Promise<StoredAgency | undefined> {
    // The primary code wins over another record's code102, as in the memory store.
    const [row] = await this.db.query<Row>(
      'SELECT * FROM agencies WHERE code = $1 OR code102 = $1 ORDER BY (code = $1) DESC, code COLLATE "C" LIMIT 1',
      [code],
    );
    return row && agencyFromRow(row);
  }

  async listAgencies(options: { includeDeleted?: boolean } = {}): Promise<StoredAgency[]> {
    const filter = options.includeDeleted ? '' : 'WHERE NOT deleted';
    const rows = await this.db.query<Row>(`SELECT * FROM agencies ${filter} ORDER BY code COLLATE "C"`);
    return rows.map(agencyFromRow);
  }

  async countAgencies(): Promise<number> {
    const [row] = await this.db.query<{ n: unknown }>('SELECT count(*) AS n FROM agencies');
    return Number(row?.n ?? 0);
  }

  async acceptSend(packet: StoredPacket, deliveries: Delivery[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await insertRows(tx, 'packets', packetColumns, [packetValues(packet)]);
      if (deliveries.length) await insertRows(tx, 'deliveries', deliveryColumns, deliveries.map(deliveryValues));
    });
  }

  async getPacket(senderId: string): Promise<StoredPacket | undefined> {
    const [row] = await this.db.query<Row>('SELECT * FROM packets WHERE sender_id = $1', [senderId]);
    return row && packetFromRow(row);
  }

  async findPackets(query: PacketQuery): Promise<StoredPacket[]> {
    const where = new Where();
    where.eq('document_id', query.documentId);
    where.eq('from_code', query.from);
    where.eq('code_number', query.codeNumber);
    where.eq('code_notation', query.codeNotation);
    where.eq('promulgation_date', query.promulgationDate);
    where.eq('kind', query.kind);
    where.eq('caller', query.caller);
    if (query.tenant !== undefined) {
      const tenant = where.param(query.tenant);
      where.add(
        `(tenant = ${tenant} OR sender_id IN (SELECT sender_id FROM deliveries WHERE recipient_system IN (SELECT system_id FROM systems WHERE tenant = ${tenant})))`,
      );
    }
    const direction = query.newestFirst ? 'DESC' : 'ASC';
    const limit = query.limit === undefined ? '' : `LIMIT ${where.param(query.limit)}`;
    const rows = await this.db.query<Row>(
      `SELECT * FROM packets ${where} ORDER BY created ${direction}, sender_id COLLATE "C" ${direction} ${limit}`,
      where.params,
    );
    return rows.map(packetFromRow);
  }

  async getDelivery(receiverId: string): Promise<Delivery | undefined> {
    const [row] = await this.db.query<Row>('SELECT * FROM deliveries WHERE receiver_id = $1', [receiverId]);
    return row && deliveryFromRow(row);
  }

  async listDeliveries(query: DeliveryQuery): Promise<Delivery[]> {
    const where = deliveryWhere(query);
    const rows = await this.db.query<Row>(
      `SELECT * FROM deliveries ${where} ORDER BY created, receiver_id COLLATE "C"`,
      where.params,
    );
    return rows.map(deliveryFromRow);
  }

  async countDeliveries(query: DeliveryQuery): Promise<number> {
    const where = deliveryWhere(query);
    const [row] = await this.db.query<{ n: unknown }>(`SELECT count(*) AS n FROM deliveries ${where}`, where.params);
    return Number(row?.n ?? 0);
  }

  async updateDelivery(receiverId: string, patch: DeliveryPatch): Promise<Delivery | undefined> {
    const params: unknown[] = [receiverId];
    const sets: string[] = [];
    for (const [field, value] of Object.entries(patch)) {
      const column = deliveryPatchColumns[field];
      if (column === undefined || value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    const rows = sets.length
      ? await this.db.query<Row>(`UPDATE deliveries SET ${sets.join(', ')} WHERE receiver_id = $1 RETURNING *`, params)
      : await this.db.query<Row>('SELECT * FROM deliveries WHERE receiver_id = $1', params);
    return rows[0] && deliveryFromRow(rows[0]);
  }

  async appendJournal(entry: NewJournalEntry): Promise<JournalEntry> {
    const slots = journalColumns.map((_, i) => `$${i + 1}`).join(', ');
    const insert = `INSERT INTO journal (${journalColumns.join(', ')}) VALUES (${slots}) RETURNING *`;
    if (!this.announcements) {
      const [row] = await this.db.query<Row>(insert, journalValues(entry));
      return journalFromRow(row);
    }
    // pg_notify in the same statement: PostgreSQL delivers it at commit, when the row is visible.
    const n = journalColumns.length;
    const [row] = await this.db.query<Row>(
      `WITH e AS (${insert}) SELECT e.*, pg_notify($${n + 1}, $${n + 2} || ':' || e.id) FROM e`,
      [...journalValues(entry), this.announcements.channel, this.instance],
    );
    return journalFromRow(row);
  }

  private follow({ notifications, channel }: JournalAnnouncements, onEntry: (entry: JournalEntry) => void): Promise<() => Promise<void>> {
    return notifications.listen(channel, (payload) => {
      const [instance, id] = payload.split(':');
      if (instance === this.instance || this.closed) return;
      void this.getJournalEntry(Number(id)).then(
        (entry) => entry && onEntry(entry),
        () => {},
      );
    });
  }

  async getJournalEntry(id: number): Promise<JournalEntry | undefined> {
    if (!Number.isSafeInteger(id)) return undefined;
    const [row] = await this.db.query<Row>('SELECT * FROM journal WHERE id = $1', [id]);
    return row && journalFromRow(row);
  }

  async queryJournal(query: JournalQuery): Promise<JournalEntry[]> {
    const where = new Where();
    if (query.agency !== undefined) {
      const caller = where.param(query.agency);
      where.add(`(caller = ${caller} OR agencies @> ${where.param(JSON.stringify([query.agency]))}::jsonb)`);
    }
    where.eq('operation', query.operation);
    where.eq('run', query.run);
    where.eq('tenant', query.tenant);
    where.between('time', query.since, query.until);
    if (query.afterId !== undefined) where.add(`id > ${where.param(query.afterId)}`);
    const limit = query.limit === undefined ? '' : `LIMIT ${where.param(query.limit)}`;
    const rows = await this.db.query<Row>(`SELECT * FROM journal ${where} ORDER BY id ${limit}`, where.params);
    return rows.map(journalFromRow);
  }

  async reserveRun(request: ReservationRequest): Promise<StoredReservation | ReservationConflict> {
    return this.db.transaction(async (tx) => {
      // The cursor row is the lock: every reservation on this database queues here, so ranges
      // never overlap and the "one active run per system" check cannot race.
      const [cursor] = await tx.query<Row>('SELECT next_agency, next_number FROM reservation_cursor WHERE one FOR UPDATE');
      const [busy] = await tx.query<Row>(
        'SELECT * FROM run_reservations WHERE sut_code = $1 AND ended IS NULL AND alive >= $2 ORDER BY started LIMIT 1',
        [request.sutCode, request.staleBefore],
      );
      if (busy) return { conflict: reservationFromRow(busy) };
      const run: StoredReservation = {
        runId: request.runId,
        sutCode: request.sutCode,
        agencyStart: cursor.next_agency === null ? request.agencyFloor : Number(cursor.next_agency),
        agencyCount: request.agencies,
        numberStart: Math.max(Number(cursor.next_number), request.numberFloor),
        numberCount: request.numbers,
        started: request.now,
        alive: request.now,
      };
      await tx.query('UPDATE reservation_cursor SET next_agency = $1, next_number = $2 WHERE one', [
        run.agencyStart + run.agencyCount,
        run.numberStart + run.numberCount,
      ]);
      await tx.query(
        `INSERT INTO run_reservations (run_id, sut_code, agency_start, agency_count, number_start, number_count, started, alive)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [run.runId, run.sutCode, run.agencyStart, run.agencyCount, run.numberStart, run.numberCount, run.started, run.alive],
      );
      return run;
    });
  }

  async updateReservation(runId: string, patch: { alive?: Date; ended?: Date }): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE run_reservations SET alive = COALESCE($2, alive), ended = COALESCE(ended, $3) WHERE run_id = $1 RETURNING run_id',
      [runId, patch.alive ?? null, patch.ended ?? null],
    );
    return rows.length > 0;
  }

  async activeReservations(staleBefore: Date): Promise<StoredReservation[]> {
    const rows = await this.db.query<Row>('SELECT * FROM run_reservations WHERE ended IS NULL AND alive >= $1 ORDER BY started, run_id', [staleBefore]);
    return rows.map(reservationFromRow);
  }

  async getReservation(runId: string): Promise<StoredReservation | undefined> {
    const [row] = await this.db.query<Row>('SELECT * FROM run_reservations WHERE run_id = $1', [runId]);
    return row && reservationFromRow(row);
  }

  async purgeBefore(before: Date, batch: number): Promise<PurgeCounts> {
    // Each statement touches at most `batch` rows, so no lock is held long enough to stall the axis.
    const journal = await this.db.query(
      'DELETE FROM journal WHERE id IN (SELECT id FROM journal WHERE time < $1 ORDER BY id LIMIT $2) RETURNING id',
      [before, batch],
    );
    const { packets, deliveries } = await this.db.transaction(async (tx) => {
      const old = await tx.query<{ sender_id: string }>(
        'SELECT sender_id FROM packets WHERE created < $1 ORDER BY created LIMIT $2 FOR UPDATE SKIP LOCKED',
        [before, batch],
      );
      if (old.length === 0) return { packets: 0, deliveries: 0 };
      const ids = old.map((r) => r.sender_id);
      const slots = ids.map((_, i) => `$${i + 1}`).join(', ');
      const gone = await tx.query(`DELETE FROM deliveries WHERE sender_id IN (${slots}) RETURNING receiver_id`, ids);
      await tx.query(`DELETE FROM packets WHERE sender_id IN (${slots})`, ids);
      return { packets: ids.length, deliveries: gone.length };
    });
    const runs = await this.db.query(
      'DELETE FROM runs WHERE run_id IN (SELECT run_id FROM runs WHERE updated < $1 ORDER BY updated LIMIT $2) RETURNING run_id',
      [before, batch],
    );
    return { journal: journal.length, packets, deliveries, runs: runs.length };
  }

  async reclaimSpace(): Promise<void> {
    // Plain VACUUM (not FULL) marks purged rows' space reusable without locking out the axis, so a
    // purged table stops growing instead of waiting for autovacuum's own schedule.
    await this.db.query('VACUUM journal, packets, deliveries, runs');
  }

  async putRun(run: StoredRun): Promise<void> {
    await this.db.query(
      `INSERT INTO runs (run_id, tenant, sut_code, profile, status, verdict, started, updated, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (run_id) DO UPDATE SET tenant = EXCLUDED.tenant, sut_code = EXCLUDED.sut_code, profile = EXCLUDED.profile, status = EXCLUDED.status,
         verdict = EXCLUDED.verdict, started = EXCLUDED.started, updated = EXCLUDED.updated, data = EXCLUDED.data`,
      [run.runId, run.tenant ?? null, run.sutCode, run.profile, run.status, run.verdict ?? null, run.started, run.updated, JSON.stringify(run.data)],
    );
  }

  async getRun(runId: string): Promise<StoredRun | undefined> {
    const [row] = await this.db.query<Row>('SELECT * FROM runs WHERE run_id = $1', [runId]);
    return row && runFromRow(row);
  }

  async listRuns(query: RunQuery): Promise<StoredRun[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.tenant !== undefined) where.push(`tenant = $${params.push(query.tenant)}`);
    if (query.sutCode !== undefined) where.push(`sut_code = $${params.push(query.sutCode)}`);
    const limit = query.limit !== undefined ? ` LIMIT $${params.push(query.limit)}` : '';
    const rows = await this.db.query<Row>(`SELECT * FROM runs${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY started DESC, run_id DESC${limit}`, params);
    return rows.map(runFromRow);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }
}

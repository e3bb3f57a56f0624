// The store contract of the simulated axis: everything the core keeps between requests. Two
// implementations honour it (memory.ts, and the SQL store under sql/); store-contract.ts is the one
// behavioural test both run. Extend only by adding: other engineers code against these names.
import type { Finding } from '../../edxml/finding.ts';
import type { DirectoryRecord } from '../../edxml/types.ts';

/** A connected system: an agency's document-management system holding a shared secret. */
export interface SystemRecord {
  /** The `XroadVnpt-systemid`, usually the agency code (e.g. `000.00.00.H41`) or a test id. */
  systemId: string;
  secret: string;
  created: Date;
  /** The tenant that registered it (a vendor, an agency's IT department); undefined = the operator's. */
  tenant?: string;
}

/**
 * A tenant of a shared sandbox: a vendor or an agency's IT department, created by the operator.
 * Its control-API token is kept only as a SHA-256 digest.
 */
export interface TenantRecord {
  /** Lower-case letters, digits and dashes; part of the token. */
  id: string;
  name: string;
  /** Free text: `vendor`, `agency`, … */
  kind?: string;
  /** Lower-case hex SHA-256 of the tenant's control token. */
  tokenSha256: string;
  created: Date;
}

/** Rows removed by one retention batch. */
export interface PurgeCounts {
  journal: number;
  packets: number;
  deliveries: number;
  /** Run records last updated before the cutoff. */
  runs: number;
}

/** A directory record as the axis keeps it: who registered it decides who may change it. */
export interface StoredAgency extends DirectoryRecord {
  /** The systemid that registered this unit (registerAgency); undefined for seeded records. */
  registeredBy?: string;
  /** The tenant whose control token created it; undefined = the operator's or seeded. */
  tenant?: string;
}

/** `edoc` and `status` are the two mailboxes; `unknown` only for packets injected past intake. */
export type StoredPacketKind = 'edoc' | 'status' | 'unknown';

/** One packet the axis accepted (or the control API injected), kept byte for byte. */
export interface StoredPacket {
  /** Sender id (`DocId` of the sendEdoc reply): 24 lower-case hex, time-ordered. */
  senderId: string;
  /** The packet bytes exactly as delivered to recipients (trailing CRLF handled per hash-file). */
  bytes: Uint8Array;
  kind: StoredPacketKind;
  /** The mailbox it was sent to (`messagetype`). */
  messageType: 'edoc' | 'status';
  /** `servicetype` as sent (usually `eDoc`). */
  serviceType: string;
  /** The systemid that sent or injected it. */
  caller: string;
  /** Sender agency code as written in the packet (From/OrganId), when readable. */
  from?: string;
  documentId?: string;
  codeNumber?: string;
  codeNotation?: string;
  promulgationDate?: string;
  subject?: string;
  /** Status packets: the StatusCode and the ResponseFor block as written. */
  statusCode?: string;
  responseFor?: { organId?: string; code?: string; promulgationDate?: string; documentId?: string };
  /** Lower-case hex SHA-256 of `bytes`. */
  sha256: string;
  /** True when injected through the control API (possibly past intake and routing). */
  injected: boolean;
  created: Date;
  /** The sending system's tenant (or the injecting tenant); undefined = the operator's. */
  tenant?: string;
}

/** Inbox state of one delivery (transport acknowledgement via updateStatus). */
export type DeliveryState = 'initial' | 'processing' | 'done' | 'fail';

/** One recipient's copy of a packet. */
export interface Delivery {
  /** Receiver id: UUID v4, the `docId` the recipient lists, fetches and acknowledges. */
  receiverId: string;
  senderId: string;
  /** Recipient agency code as resolved through the directory (canonical form). */
  recipientCode: string;
  /** The systemid whose inbox holds it. */
  recipientSystem: string;
  /** The sending agency code (packet From, or the caller when unreadable). */
  fromCode: string;
  messageType: 'edoc' | 'status';
  serviceType: string;
  state: DeliveryState;
  /** ASCII description of `state` (or the recipient's updateStatus description, ASCII-folded). */
  statusDesc: string;
  created: Date;
  updated: Date;
  /** First time the recipient fetched it (getEdoc/downloadEdoc); undefined = still queued. */
  fetched?: Date;
  /** Last status code (`01`…`16`) received back from this recipient about this packet. */
  lastStatusCode?: string;
  lastStatusDesc?: string;
  lastStatusTime?: Date;
}

/** Fields updateDelivery may change. */
export type DeliveryPatch = Partial<
  Pick<Delivery, 'state' | 'statusDesc' | 'updated' | 'fetched' | 'lastStatusCode' | 'lastStatusDesc' | 'lastStatusTime'>
>;

export interface DeliveryQuery {
  senderId?: string;
  recipientSystem?: string;
  /** Match either canonical recipient code. */
  recipientCode?: string;
  messageType?: 'edoc' | 'status';
  states?: DeliveryState[];
  /** Inclusive bounds on `created`. */
  since?: Date;
  until?: Date;
  /** Only what this tenant may see: deliveries to its systems, or of packets it sent. */
  tenant?: string;
}

export interface PacketQuery {
  documentId?: string;
  from?: string;
  codeNumber?: string;
  codeNotation?: string;
  promulgationDate?: string;
  kind?: StoredPacketKind;
  caller?: string;
  /** Newest first when true; default oldest first. */
  newestFirst?: boolean;
  limit?: number;
  /** Only what this tenant may see: packets it sent, or delivered to one of its systems. */
  tenant?: string;
}

/** The evidence: one record per HTTP exchange, secrets and HMACs already redacted. */
export interface JournalEntry {
  /** Monotonic, assigned by the store (1, 2, 3, …). */
  id: number;
  time: Date;
  /** Conformance run id when the exchange belongs to one (set by the control API). */
  run?: string;
  /** Operation name (`sendEdoc`, …), `control:<name>` for control API calls, or `unknown`. */
  operation: string;
  method: string;
  path: string;
  /** Authenticated systemid, or the claimed one when authentication failed. */
  caller?: string;
  /** Agency codes the exchange concerns (caller, packet sender, recipients), for "by agency" queries. */
  agencies: string[];
  /** Logical headers (name → value) as received, with secret-bearing values redacted. */
  headers: Record<string, string>;
  /** How the HMAC matched: over the raw bytes or their UTF-8 re-reading; absent when it did not. */
  hmacReading?: 'raw' | 'utf8';
  /** Whether the system's secret appeared anywhere in the request before redaction (T-05). */
  secretSeen: boolean;
  outcome: { status: 'OK' | 'FAIL'; errorCode: string; errorDesc: string };
  httpStatus: number;
  /** Validator and protocol findings about the request (intake policy records, never hides). */
  findings: Finding[];
  /** Lower-case hex SHA-256 of the whole request body, and its length. */
  bodySha256?: string;
  bodyLength: number;
  /** The first bytes of the body, up to the journal cap (64 KB by default). */
  bodyExcerpt?: Uint8Array;
  /** Ids this exchange produced or touched. */
  senderId?: string;
  receiverIds?: string[];
  documentId?: string;
  statusCode?: string;
  /** Name of the fault applied, when one was. */
  fault?: string;
  remoteAddress?: string;
  /** Milliseconds spent answering. */
  durationMs: number;
  /** The tenant of the system the exchange was made as (or of the control caller); undefined = the operator's. */
  tenant?: string;
}

export type NewJournalEntry = Omit<JournalEntry, 'id'>;

export interface JournalQuery {
  /** Entries whose caller or `agencies` include this code. */
  agency?: string;
  operation?: string;
  run?: string;
  /** Inclusive bounds on `time`. */
  since?: Date;
  until?: Date;
  /** Only entries with id greater than this (paging and event catch-up). */
  afterId?: number;
  limit?: number;
  /** Only entries stamped with this tenant. */
  tenant?: string;
}

/** Where a conformance run stands; `aborted` = stopped before a verdict (configuration error, Ctrl-C). */
/** `incomplete`: its orchestrating process stopped reporting (stale-runs.ts). */
export type StoredRunStatus = 'running' | 'finished' | 'aborted' | 'incomplete';

/**
 * A conformance run recorded in the sandbox that served it (the console lists and replays them):
 * the searchable fields, and the run's state as JSON (live case states while running, the whole
 * record without its journal once finished; the journal stays in the journal, by run label).
 */
export interface StoredRun {
  runId: string;
  /** The tenant whose token recorded it; undefined = the operator's. */
  tenant?: string;
  sutCode: string;
  profile: string;
  status: StoredRunStatus;
  verdict?: string;
  started: Date;
  updated: Date;
  data: unknown;
}

export interface RunQuery {
  tenant?: string;
  sutCode?: string;
  limit?: number;
}

/**
 * A conformance run registered on the axis: its label, the system it certifies, and the identities
 * it reserved. Reservations only ever grow, so no two runs sharing a store get the same counterpart
 * agencies or document numbers, whenever they run.
 */
export interface StoredReservation {
  runId: string;
  /** The systemid under test: its exchanges carry this run's label while the run is active. */
  sutCode: string;
  /** Counterpart agencies: positions `agencyStart … agencyStart + agencyCount - 1` of the reserved test range. */
  agencyStart: number;
  agencyCount: number;
  /** Document numbers (CodeNumber) `numberStart … numberStart + numberCount - 1`. */
  numberStart: number;
  numberCount: number;
  started: Date;
  /** Last sign of life from the process running it; a run silent past its lease counts as ended. */
  alive: Date;
  ended?: Date;
}

export interface ReservationRequest {
  runId: string;
  sutCode: string;
  agencies: number;
  numbers: number;
  /**
   * Where a store that never reserved anything starts its agencies (the clock, so a fresh
   * in-memory axis does not start at the same codes every time); later runs continue the cursor.
   */
  agencyFloor: number;
  /** Lowest document number to hand out (from the clock: numbers never repeat across restarts). */
  numberFloor: number;
  now: Date;
  /** Runs whose `alive` is older than this are over, whatever they said. */
  staleBefore: Date;
}

/** Why a run could not be reserved: another active run certifies the same system. */
export interface ReservationConflict {
  conflict: StoredReservation;
}

/**
 * Everything the axis core persists. Every method is async so an SQL store fits; implementations
 * return copies, never live objects the caller could mutate.
 */
export interface Store {
  // Systems
  putSystem(system: SystemRecord): Promise<void>;
  getSystem(systemId: string): Promise<SystemRecord | undefined>;
  listSystems(): Promise<SystemRecord[]>;
  deleteSystem(systemId: string): Promise<boolean>;

  // Tenants
  putTenant(tenant: TenantRecord): Promise<void>;
  getTenant(id: string): Promise<TenantRecord | undefined>;
  listTenants(): Promise<TenantRecord[]>;
  /** Deletes the tenant and so its token; what it registered or sent stays, visible to the operator only. */
  deleteTenant(id: string): Promise<boolean>;

  // Directory
  /** Inserts or replaces by `code` (the record's primary code). */
  putAgency(agency: StoredAgency): Promise<void>;
  /** Bulk `putAgency`, used to seed. */
  putAgencies(agencies: StoredAgency[]): Promise<void>;
  /** The record whose `code` or `code102` equals `code` (deleted ones included). */
  findAgency(code: string): Promise<StoredAgency | undefined>;
  /** All records, by code ascending; deleted ones only when asked. */
  listAgencies(options?: { includeDeleted?: boolean }): Promise<StoredAgency[]>;
  countAgencies(): Promise<number>;

  // Packets and deliveries
  /**
   * Stores a packet and all its deliveries as one atomic, durable step: when it resolves, a crash
   * cannot lose any of them; when it rejects, none was stored. The OK reply is sent only after.
   */
  acceptSend(packet: StoredPacket, deliveries: Delivery[]): Promise<void>;
  getPacket(senderId: string): Promise<StoredPacket | undefined>;
  findPackets(query: PacketQuery): Promise<StoredPacket[]>;
  getDelivery(receiverId: string): Promise<Delivery | undefined>;
  /** Ordered by `created` ascending, then receiverId. */
  listDeliveries(query: DeliveryQuery): Promise<Delivery[]>;
  countDeliveries(query: DeliveryQuery): Promise<number>;
  /** Applies the patch (undefined fields are left as they are); returns the updated delivery, or undefined when the id is unknown. */
  updateDelivery(receiverId: string, patch: DeliveryPatch): Promise<Delivery | undefined>;

  // Journal
  /** Assigns the next id and stores the entry. */
  appendJournal(entry: NewJournalEntry): Promise<JournalEntry>;
  getJournalEntry(id: number): Promise<JournalEntry | undefined>;
  /** Ordered by id ascending. */
  queryJournal(query: JournalQuery): Promise<JournalEntry[]>;

  /**
   * Only for stores several processes share (PostgreSQL): calls `onEntry` with each journal entry
   * that ANOTHER process appends, soon after it is committed, until the returned function runs.
   * Order is not guaranteed; an entry may in rare cases (a dropped connection) never be announced.
   */
  followJournal?(onEntry: (entry: JournalEntry) => void): Promise<() => Promise<void>>;

  // Conformance runs
  /** Inserts or replaces by runId. */
  putRun(run: StoredRun): Promise<void>;
  getRun(runId: string): Promise<StoredRun | undefined>;
  /** Newest first. */
  listRuns(query: RunQuery): Promise<StoredRun[]>;

  // Conformance run reservations
  /**
   * Registers a run and reserves its agencies and numbers in one atomic step: concurrent calls
   * (from any process on the same database) never get overlapping ranges. Refused with the other
   * run when an active run (not ended, alive since `staleBefore`) already certifies `sutCode`.
   */
  reserveRun(request: ReservationRequest): Promise<StoredReservation | ReservationConflict>;
  /** Records a sign of life (`alive`) or the end (`ended`) of a run; false when unknown. */
  updateReservation(runId: string, patch: { alive?: Date; ended?: Date }): Promise<boolean>;
  /** Runs not ended and alive since `staleBefore`, oldest first. */
  activeReservations(staleBefore: Date): Promise<StoredReservation[]>;
  getReservation(runId: string): Promise<StoredReservation | undefined>;

  // Retention
  /**
   * Removes one batch of at most `batch` journal entries, `batch` packets (with all their
   * deliveries) and `batch` run records older than `before`; call again until it returns zeros.
   * Small batches keep the axis answering while old data goes.
   */
  purgeBefore(before: Date, batch: number): Promise<PurgeCounts>;
  /** Lets the engine reuse the space purged rows held (PostgreSQL VACUUM, which does not block reads or writes). */
  reclaimSpace(): Promise<void>;

  close(): Promise<void>;
}

// Conversions between the store's records and table rows. The two drivers return some types
// differently (pg: int8 as string, bytea as Buffer; PGlite: numbers, Uint8Array), so every value
// read back goes through these, and NULL columns become absent fields as in the memory store.
import type { Finding } from '../../../edxml/finding.ts';
import type { Delivery, JournalEntry, StoredAgency, StoredPacket, StoredReservation, StoredRun, StoredRunStatus, SystemRecord, TenantRecord } from '../types.ts';

export type Row = Record<string, unknown>;

const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const date = (v: unknown): Date | undefined => (v === null || v === undefined ? undefined : new Date(v as string | Date));
/** A plain Uint8Array copy, never a driver's Buffer view over a shared pool. */
const bytes = (v: unknown): Uint8Array | undefined => (v === null || v === undefined ? undefined : new Uint8Array(v as Uint8Array));
/** jsonb arrives parsed from both drivers; a string means a driver configured without the parser. */
const json = <T>(v: unknown): T | undefined =>
  v === null || v === undefined ? undefined : ((typeof v === 'string' ? JSON.parse(v) : v) as T);

/** Drops undefined fields so that read-back records compare equal to what was written. */
function defined<T extends object>(record: T): T {
  for (const key of Object.keys(record) as (keyof T)[]) if (record[key] === undefined) delete record[key];
  return record;
}

export const runFromRow = (r: Row): StoredRun =>
  defined<StoredRun>({
    runId: String(r.run_id),
    tenant: str(r.tenant),
    sutCode: String(r.sut_code),
    profile: String(r.profile),
    status: String(r.status) as StoredRunStatus,
    verdict: str(r.verdict),
    started: date(r.started) as Date,
    updated: date(r.updated) as Date,
    data: json<unknown>(r.data),
  });

export const systemFromRow = (r: Row): SystemRecord =>
  defined<SystemRecord>({
    systemId: String(r.system_id),
    secret: String(r.secret),
    created: date(r.created) as Date,
    tenant: str(r.tenant),
  });

export const tenantFromRow = (r: Row): TenantRecord =>
  defined<TenantRecord>({
    id: String(r.id),
    name: String(r.name),
    kind: str(r.kind),
    tokenSha256: String(r.token_sha256),
    created: date(r.created) as Date,
  });

export const reservationFromRow = (r: Row): StoredReservation =>
  defined<StoredReservation>({
    runId: String(r.run_id),
    sutCode: String(r.sut_code),
    agencyStart: Number(r.agency_start),
    agencyCount: Number(r.agency_count),
    numberStart: Number(r.number_start),
    numberCount: Number(r.number_count),
    started: date(r.started) as Date,
    alive: date(r.alive) as Date,
    ended: date(r.ended),
  });

export const agencyColumns = [
  'code', 'code102', 'id', 'pid', 'pcode', 'old_code', 'name', 'mail', 'mobile', 'fax',
  'version', 'deleted', 'modify_date', 'inferred', 'registered_by', 'tenant',
] as const;

export const agencyValues = (a: StoredAgency): unknown[] => [
  a.code, a.code102 ?? null, a.id, a.pid ?? null, a.pcode ?? null, a.oldCode ?? null, a.name, a.mail ?? null,
  a.mobile ?? null, a.fax ?? null, a.version, a.deleted, a.modifyDate ?? null, a.inferred ?? null, a.registeredBy ?? null,
  a.tenant ?? null,
];

export const agencyFromRow = (r: Row): StoredAgency =>
  defined<StoredAgency>({
    id: String(r.id),
    pid: str(r.pid),
    pcode: str(r.pcode),
    code: String(r.code),
    code102: str(r.code102),
    oldCode: str(r.old_code),
    name: String(r.name),
    mail: str(r.mail),
    mobile: str(r.mobile),
    fax: str(r.fax),
    version: Number(r.version),
    deleted: Boolean(r.deleted),
    modifyDate: str(r.modify_date),
    inferred: r.inferred === null || r.inferred === undefined ? undefined : Boolean(r.inferred),
    registeredBy: str(r.registered_by),
    tenant: str(r.tenant),
  });

export const packetColumns = [
  'sender_id', 'bytes', 'kind', 'message_type', 'service_type', 'caller', 'from_code', 'document_id',
  'code_number', 'code_notation', 'promulgation_date', 'subject', 'status_code', 'response_for',
  'sha256', 'injected', 'created', 'tenant',
] as const;

export const packetValues = (p: StoredPacket): unknown[] => [
  p.senderId, p.bytes, p.kind, p.messageType, p.serviceType, p.caller, p.from ?? null, p.documentId ?? null,
  p.codeNumber ?? null, p.codeNotation ?? null, p.promulgationDate ?? null, p.subject ?? null, p.statusCode ?? null,
  p.responseFor === undefined ? null : JSON.stringify(p.responseFor), p.sha256, p.injected, p.created, p.tenant ?? null,
];

export const packetFromRow = (r: Row): StoredPacket =>
  defined<StoredPacket>({
    senderId: String(r.sender_id),
    bytes: bytes(r.bytes) as Uint8Array,
    kind: String(r.kind) as StoredPacket['kind'],
    messageType: String(r.message_type) as StoredPacket['messageType'],
    serviceType: String(r.service_type),
    caller: String(r.caller),
    from: str(r.from_code),
    documentId: str(r.document_id),
    codeNumber: str(r.code_number),
    codeNotation: str(r.code_notation),
    promulgationDate: str(r.promulgation_date),
    subject: str(r.subject),
    statusCode: str(r.status_code),
    responseFor: json<StoredPacket['responseFor']>(r.response_for),
    sha256: String(r.sha256),
    injected: Boolean(r.injected),
    created: date(r.created) as Date,
    tenant: str(r.tenant),
  });

export const deliveryColumns = [
  'receiver_id', 'sender_id', 'recipient_code', 'recipient_system', 'from_code', 'message_type', 'service_type',
  'state', 'status_desc', 'created', 'updated', 'fetched', 'last_status_code', 'last_status_desc', 'last_status_time',
] as const;

export const deliveryValues = (d: Delivery): unknown[] => [
  d.receiverId, d.senderId, d.recipientCode, d.recipientSystem, d.fromCode, d.messageType, d.serviceType,
  d.state, d.statusDesc, d.created, d.updated, d.fetched ?? null, d.lastStatusCode ?? null,
  d.lastStatusDesc ?? null, d.lastStatusTime ?? null,
];

/** DeliveryPatch field → column, for updateDelivery. */
export const deliveryPatchColumns: Record<string, string> = {
  state: 'state',
  statusDesc: 'status_desc',
  updated: 'updated',
  fetched: 'fetched',
  lastStatusCode: 'last_status_code',
  lastStatusDesc: 'last_status_desc',
  lastStatusTime: 'last_status_time',
};

export const deliveryFromRow = (r: Row): Delivery =>
  defined<Delivery>({
    receiverId: String(r.receiver_id),
    senderId: String(r.sender_id),
    recipientCode: String(r.recipient_code),
    recipientSystem: String(r.recipient_system),
    fromCode: String(r.from_code),
    messageType: String(r.message_type) as Delivery['messageType'],
    serviceType: String(r.service_type),
    state: String(r.state) as Delivery['state'],
    statusDesc: String(r.status_desc),
    created: date(r.created) as Date,
    updated: date(r.updated) as Date,
    fetched: date(r.fetched),
    lastStatusCode: str(r.last_status_code),
    lastStatusDesc: str(r.last_status_desc),
    lastStatusTime: date(r.last_status_time),
  });

export const journalColumns = [
  'time', 'run', 'operation', 'method', 'path', 'caller', 'agencies', 'headers', 'hmac_reading', 'secret_seen',
  'outcome_status', 'error_code', 'error_desc', 'http_status', 'findings', 'body_sha256', 'body_length',
  'body_excerpt', 'sender_id', 'receiver_ids', 'document_id', 'status_code', 'fault', 'remote_address', 'duration_ms',
  'tenant',
] as const;

export const journalValues = (e: Omit<JournalEntry, 'id'>): unknown[] => [
  e.time, e.run ?? null, e.operation, e.method, e.path, e.caller ?? null, JSON.stringify(e.agencies),
  JSON.stringify(e.headers), e.hmacReading ?? null, e.secretSeen, e.outcome.status, e.outcome.errorCode,
  e.outcome.errorDesc, e.httpStatus, JSON.stringify(e.findings), e.bodySha256 ?? null, e.bodyLength,
  e.bodyExcerpt ?? null, e.senderId ?? null, e.receiverIds === undefined ? null : JSON.stringify(e.receiverIds),
  e.documentId ?? null, e.statusCode ?? null, e.fault ?? null, e.remoteAddress ?? null, e.durationMs,
  e.tenant ?? null,
];

export const journalFromRow = (r: Row): JournalEntry =>
  defined<JournalEntry>({
    id: Number(r.id),
    time: date(r.time) as Date,
    run: str(r.run),
    operation: String(r.operation),
    method: String(r.method),
    path: String(r.path),
    caller: str(r.caller),
    agencies: json<string[]>(r.agencies) ?? [],
    headers: json<Record<string, string>>(r.headers) ?? {},
    hmacReading: str(r.hmac_reading) as JournalEntry['hmacReading'],
    secretSeen: Boolean(r.secret_seen),
    outcome: {
      status: String(r.outcome_status) as JournalEntry['outcome']['status'],
      errorCode: String(r.error_code),
      errorDesc: String(r.error_desc),
    },
    httpStatus: Number(r.http_status),
    findings: json<Finding[]>(r.findings) ?? [],
    bodySha256: str(r.body_sha256),
    bodyLength: Number(r.body_length),
    bodyExcerpt: bytes(r.body_excerpt),
    senderId: str(r.sender_id),
    receiverIds: json<string[]>(r.receiver_ids),
    documentId: str(r.document_id),
    statusCode: str(r.status_code),
    fault: str(r.fault),
    remoteAddress: str(r.remote_address),
    durationMs: Number(r.duration_ms),
    tenant: str(r.tenant),
  });

// The in-memory store: tests, msw handlers and `truc serve --memory`. Nothing survives the process.
import type {
  RunQuery,
  StoredRun,
  Delivery,
  DeliveryPatch,
  DeliveryQuery,
  JournalEntry,
  JournalQuery,
  NewJournalEntry,
  PacketQuery,
  PurgeCounts,
  ReservationConflict,
  StoredReservation,
  ReservationRequest,
  Store,
  StoredAgency,
  StoredPacket,
  SystemRecord,
  TenantRecord,
} from './types.ts';

// Copies keep callers from mutating stored state, as an SQL store would. Hand-written per type:
// structuredClone dominated the cost of busy inbox listings.
const date = (d: Date): Date => new Date(d.getTime());

const reviveRun = (text: string): StoredRun => {
  const r = JSON.parse(text) as StoredRun & { started: string; updated: string };
  return { ...r, started: new Date(r.started), updated: new Date(r.updated) };
};

const copySystem = (s: SystemRecord): SystemRecord => ({ ...s, created: date(s.created) });

const copyDelivery = (d: Delivery): Delivery => {
  const out: Delivery = { ...d, created: date(d.created), updated: date(d.updated) };
  if (d.fetched) out.fetched = date(d.fetched);
  if (d.lastStatusTime) out.lastStatusTime = date(d.lastStatusTime);
  return out;
};

const copyPacket = (p: StoredPacket): StoredPacket => {
  const out: StoredPacket = { ...p, bytes: p.bytes.slice(), created: date(p.created) };
  if (p.responseFor) out.responseFor = { ...p.responseFor };
  return out;
};

function copyJournal<T extends NewJournalEntry>(e: T): T {
  const out: T = {
    ...e,
    time: date(e.time),
    agencies: [...e.agencies],
    headers: { ...e.headers },
    outcome: { ...e.outcome },
    findings: e.findings.map((f) => ({ ...f, message: { ...f.message } })),
  };
  if (e.bodyExcerpt) out.bodyExcerpt = e.bodyExcerpt.slice();
  if (e.receiverIds) out.receiverIds = [...e.receiverIds];
  return out;
}

const copyRun = (r: StoredReservation): StoredReservation => {
  const out: StoredReservation = { ...r, started: date(r.started), alive: date(r.alive) };
  if (r.ended) out.ended = date(r.ended);
  return out;
};

const inRange = (time: Date, since?: Date, until?: Date): boolean =>
  (!since || time.getTime() >= since.getTime()) && (!until || time.getTime() <= until.getTime());

export function matchesDelivery(d: Delivery, q: DeliveryQuery): boolean {
  return (
    (q.senderId === undefined || d.senderId === q.senderId) &&
    (q.recipientSystem === undefined || d.recipientSystem === q.recipientSystem) &&
    (q.recipientCode === undefined || d.recipientCode === q.recipientCode) &&
    (q.messageType === undefined || d.messageType === q.messageType) &&
    (q.states === undefined || q.states.includes(d.state)) &&
    inRange(d.created, q.since, q.until)
  );
}

function matchesPacket(p: StoredPacket, q: PacketQuery): boolean {
  return (
    (q.documentId === undefined || p.documentId === q.documentId) &&
    (q.from === undefined || p.from === q.from) &&
    (q.codeNumber === undefined || p.codeNumber === q.codeNumber) &&
    (q.codeNotation === undefined || p.codeNotation === q.codeNotation) &&
    (q.promulgationDate === undefined || p.promulgationDate === q.promulgationDate) &&
    (q.kind === undefined || p.kind === q.kind) &&
    (q.caller === undefined || p.caller === q.caller)
  );
}

function matchesJournal(e: JournalEntry, q: JournalQuery): boolean {
  return (
    (q.tenant === undefined || e.tenant === q.tenant) &&
    (q.agency === undefined || e.caller === q.agency || e.agencies.includes(q.agency)) &&
    (q.operation === undefined || e.operation === q.operation) &&
    (q.run === undefined || e.run === q.run) &&
    (q.afterId === undefined || e.id > q.afterId) &&
    inRange(e.time, q.since, q.until)
  );
}

const byCreated = (a: Delivery, b: Delivery): number =>
  a.created.getTime() - b.created.getTime() || (a.receiverId < b.receiverId ? -1 : a.receiverId > b.receiverId ? 1 : 0);

function index(map: Map<string, Set<string>>, key: string, id: string): void {
  let ids = map.get(key);
  if (!ids) map.set(key, (ids = new Set()));
  ids.add(id);
}

export class MemoryStore implements Store {
  private readonly systems = new Map<string, SystemRecord>();
  private readonly agencies = new Map<string, StoredAgency>();
  private readonly packets = new Map<string, StoredPacket>();
  private readonly deliveries = new Map<string, Delivery>();
  // Inboxes and sent lists are read on every poll: index them instead of scanning every delivery.
  private readonly bySystem = new Map<string, Set<string>>();
  private readonly bySender = new Map<string, Set<string>>();
  private readonly tenants = new Map<string, TenantRecord>();
  // Entries in id order; retention drops them from the front, so index i holds id `firstId + i`.
  private readonly journal: JournalEntry[] = [];
  private firstId = 1;
  private readonly reservations = new Map<string, StoredReservation>();
  private nextAgency = 0;
  private nextNumber = 0;

  async putSystem(system: SystemRecord): Promise<void> {
    this.systems.set(system.systemId, copySystem(system));
  }

  async getSystem(systemId: string): Promise<SystemRecord | undefined> {
    const found = this.systems.get(systemId);
    return found && copySystem(found);
  }

  async listSystems(): Promise<SystemRecord[]> {
    return [...this.systems.values()].sort((a, b) => (a.systemId < b.systemId ? -1 : 1)).map(copySystem);
  }

  async deleteSystem(systemId: string): Promise<boolean> {
    return this.systems.delete(systemId);
  }

  async putTenant(tenant: TenantRecord): Promise<void> {
    this.tenants.set(tenant.id, { ...tenant, created: date(tenant.created) });
  }

  async getTenant(id: string): Promise<TenantRecord | undefined> {
    const found = this.tenants.get(id);
    return found && { ...found, created: date(found.created) };
  }

  async listTenants(): Promise<TenantRecord[]> {
    return [...this.tenants.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map((t) => ({ ...t, created: date(t.created) }));
  }

  async deleteTenant(id: string): Promise<boolean> {
    return this.tenants.delete(id);
  }

  /** The systems a tenant registered (scoping of deliveries and packets). */
  private systemsOf(tenant: string): Set<string> {
    const ids = new Set<string>();
    for (const s of this.systems.values()) if (s.tenant === tenant) ids.add(s.systemId);
    return ids;
  }

  private packetVisible(p: StoredPacket, tenant: string, systems: Set<string>): boolean {
    if (p.tenant === tenant) return true;
    for (const id of this.bySender.get(p.senderId) ?? []) if (systems.has((this.deliveries.get(id) as Delivery).recipientSystem)) return true;
    return false;
  }

  private deliveryVisible(d: Delivery, tenant: string, systems: Set<string>): boolean {
    return systems.has(d.recipientSystem) || this.packets.get(d.senderId)?.tenant === tenant;
  }

  async putAgency(agency: StoredAgency): Promise<void> {
    this.agencies.set(agency.code, { ...agency });
  }

  async putAgencies(agencies: StoredAgency[]): Promise<void> {
    for (const agency of agencies) this.agencies.set(agency.code, { ...agency });
  }

  async findAgency(code: string): Promise<StoredAgency | undefined> {
    const direct = this.agencies.get(code);
    if (direct) return { ...direct };
    for (const agency of this.agencies.values()) if (agency.code102 === code) return { ...agency };
    return undefined;
  }

  async listAgencies(options: { includeDeleted?: boolean } = {}): Promise<StoredAgency[]> {
    return [...this.agencies.values()]
      .filter((a) => options.includeDeleted || !a.deleted)
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((a) => ({ ...a }));
  }

  async countAgencies(): Promise<number> {
    return this.agencies.size;
  }

  // One synchronous step per reservation: atomic in a single-threaded process.
  async reserveRun(request: ReservationRequest): Promise<StoredReservation | ReservationConflict> {
    const busy = this.liveRuns(request.staleBefore).find((r) => r.sutCode === request.sutCode);
    if (busy) return { conflict: copyRun(busy) };
    const run: StoredReservation = {
      runId: request.runId,
      sutCode: request.sutCode,
      agencyStart: this.reservations.size > 0 ? this.nextAgency : request.agencyFloor,
      agencyCount: request.agencies,
      numberStart: Math.max(this.nextNumber, request.numberFloor),
      numberCount: request.numbers,
      started: date(request.now),
      alive: date(request.now),
    };
    if (this.reservations.has(run.runId)) throw new Error(`duplicate run ${run.runId}`);
    this.nextAgency = run.agencyStart + run.agencyCount;
    this.nextNumber = run.numberStart + run.numberCount;
    this.reservations.set(run.runId, run);
    return copyRun(run);
  }

  async updateReservation(runId: string, patch: { alive?: Date; ended?: Date }): Promise<boolean> {
    const run = this.reservations.get(runId);
    if (!run) return false;
    if (patch.alive) run.alive = date(patch.alive);
    if (patch.ended) run.ended ??= date(patch.ended);
    return true;
  }

  private liveRuns(staleBefore: Date): StoredReservation[] {
    return [...this.reservations.values()].filter((r) => !r.ended && r.alive.getTime() >= staleBefore.getTime());
  }

  async activeReservations(staleBefore: Date): Promise<StoredReservation[]> {
    return this.liveRuns(staleBefore).map(copyRun);
  }

  async getReservation(runId: string): Promise<StoredReservation | undefined> {
    const run = this.reservations.get(runId);
    return run && copyRun(run);
  }

  async acceptSend(packet: StoredPacket, deliveries: Delivery[]): Promise<void> {
    // Check everything first so that a refused send leaves no partial state behind.
    if (this.packets.has(packet.senderId)) throw new Error(`duplicate senderId ${packet.senderId}`);
    const ids = new Set<string>();
    for (const d of deliveries) {
      if (this.deliveries.has(d.receiverId) || ids.has(d.receiverId)) throw new Error(`duplicate receiverId ${d.receiverId}`);
      ids.add(d.receiverId);
    }
    this.packets.set(packet.senderId, copyPacket(packet));
    for (const d of deliveries) {
      this.deliveries.set(d.receiverId, copyDelivery(d));
      index(this.bySystem, d.recipientSystem, d.receiverId);
      index(this.bySender, d.senderId, d.receiverId);
    }
  }

  async getPacket(senderId: string): Promise<StoredPacket | undefined> {
    const found = this.packets.get(senderId);
    return found && copyPacket(found);
  }

  async findPackets(query: PacketQuery): Promise<StoredPacket[]> {
    const tenant = query.tenant;
    const systems = tenant === undefined ? undefined : this.systemsOf(tenant);
    const found = [...this.packets.values()].filter(
      (p) => matchesPacket(p, query) && (tenant === undefined || this.packetVisible(p, tenant, systems as Set<string>)),
    );
    found.sort((a, b) => a.created.getTime() - b.created.getTime() || (a.senderId < b.senderId ? -1 : 1));
    if (query.newestFirst) found.reverse();
    return found.slice(0, query.limit ?? found.length).map(copyPacket);
  }

  async getDelivery(receiverId: string): Promise<Delivery | undefined> {
    const found = this.deliveries.get(receiverId);
    return found && copyDelivery(found);
  }

  async listDeliveries(query: DeliveryQuery): Promise<Delivery[]> {
    return this.candidates(query)
      .filter((d) => this.matches(d, query))
      .sort(byCreated)
      .map(copyDelivery);
  }

  async countDeliveries(query: DeliveryQuery): Promise<number> {
    let count = 0;
    for (const d of this.candidates(query)) if (this.matches(d, query)) count += 1;
    return count;
  }

  private matches(d: Delivery, query: DeliveryQuery): boolean {
    if (!matchesDelivery(d, query)) return false;
    return query.tenant === undefined || this.deliveryVisible(d, query.tenant, this.systemsOf(query.tenant));
  }

  /** The deliveries a query can match, narrowed by an index when it names a sender or an inbox. */
  private candidates(query: DeliveryQuery): Delivery[] {
    const ids = query.senderId !== undefined ? this.bySender.get(query.senderId) : query.recipientSystem !== undefined ? this.bySystem.get(query.recipientSystem) : undefined;
    if (query.senderId === undefined && query.recipientSystem === undefined) return [...this.deliveries.values()];
    return ids ? [...ids].map((id) => this.deliveries.get(id) as Delivery) : [];
  }

  async updateDelivery(receiverId: string, patch: DeliveryPatch): Promise<Delivery | undefined> {
    const found = this.deliveries.get(receiverId);
    if (!found) return undefined;
    const updated: Delivery = { ...found };
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) Object.assign(updated, { [key]: value instanceof Date ? date(value) : value });
    this.deliveries.set(receiverId, updated);
    return copyDelivery(updated);
  }

  async appendJournal(entry: NewJournalEntry): Promise<JournalEntry> {
    const stored: JournalEntry = { ...copyJournal(entry), id: this.firstId + this.journal.length };
    this.journal.push(stored);
    return copyJournal(stored);
  }

  async getJournalEntry(id: number): Promise<JournalEntry | undefined> {
    const found = this.journal[id - this.firstId];
    return found && copyJournal(found);
  }

  async queryJournal(query: JournalQuery): Promise<JournalEntry[]> {
    const start = Math.max(0, (query.afterId ?? 0) + 1 - this.firstId);
    const found: JournalEntry[] = [];
    for (let i = start; i < this.journal.length; i += 1) {
      const entry = this.journal[i];
      if (matchesJournal(entry, query)) found.push(copyJournal(entry));
      if (query.limit !== undefined && found.length >= query.limit) break;
    }
    return found;
  }

  private readonly runs = new Map<string, string>();

  // Runs are kept as JSON text: every read is a deep copy, as with the SQL store.
  async putRun(run: StoredRun): Promise<void> {
    this.runs.set(run.runId, JSON.stringify(run));
  }

  async getRun(runId: string): Promise<StoredRun | undefined> {
    const text = this.runs.get(runId);
    return text === undefined ? undefined : reviveRun(text);
  }

  async listRuns(query: RunQuery): Promise<StoredRun[]> {
    return [...this.runs.values()]
      .map(reviveRun)
      .filter((r) => (query.tenant === undefined || r.tenant === query.tenant) && (query.sutCode === undefined || r.sutCode === query.sutCode))
      .sort((a, b) => b.started.getTime() - a.started.getTime() || (a.runId < b.runId ? 1 : -1))
      .slice(0, query.limit ?? Infinity);
  }

  async purgeBefore(before: Date, batch: number): Promise<PurgeCounts> {
    let journal = 0;
    while (journal < batch && journal < this.journal.length && this.journal[journal].time.getTime() < before.getTime()) journal += 1;
    this.journal.splice(0, journal);
    this.firstId += journal;
    let packets = 0;
    let deliveries = 0;
    for (const p of this.packets.values()) {
      if (packets >= batch) break;
      if (p.created.getTime() >= before.getTime()) continue;
      for (const id of this.bySender.get(p.senderId) ?? []) {
        const d = this.deliveries.get(id) as Delivery;
        this.deliveries.delete(id);
        this.bySystem.get(d.recipientSystem)?.delete(id);
        deliveries += 1;
      }
      this.bySender.delete(p.senderId);
      this.packets.delete(p.senderId);
      packets += 1;
    }
    let runs = 0;
    for (const [runId, text] of this.runs) {
      if (runs >= batch) break;
      if (reviveRun(text).updated.getTime() >= before.getTime()) continue;
      this.runs.delete(runId);
      runs += 1;
    }
    return { journal, packets, deliveries, runs };
  }

  async reclaimSpace(): Promise<void> {}

  async close(): Promise<void> {}
}

export const createMemoryStore = (): Store => new MemoryStore();

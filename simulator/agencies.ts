// Agency identity on the axis: the directory decides who a code is (QCVN 102 and QĐ 20 forms of
// one agency are one agency), whose inbox receives it, and which units a system may manage and
// claim. A request works on one snapshot of the directory and the connected systems, read once
// (`snapshot()`), so a packet with thousands of recipients costs one lookup, not thousands.
import { isUnitOf } from '../edxml/hierarchy.ts';
import type { Store, StoredAgency } from './store/types.ts';

export interface ResolvedAgency {
  /** The one code this agency is known by inside truc: the QCVN 102 form when it has one. */
  canonical: string;
  record?: StoredAgency;
  source: 'directory' | 'system' | 'allowed';
}

/** Why a system may not claim a code through registerAgency (AGENCY_FORBIDDEN's detail). */
export type ClaimRefusal = 'connected-system' | 'allow-listed' | 'registered-by-other' | 'not-a-unit';

/** Where Agencies reads records and systems: the store, or a snapshot of it. */
interface Lookup {
  findAgency(code: string): Promise<StoredAgency | undefined>;
  isSystem(systemId: string): Promise<boolean>;
}

// Parent chains are short; the bound only protects against a cyclic directory.
const MAX_DEPTH = 16;

class SnapshotLookup implements Lookup {
  private readonly byCode = new Map<string, StoredAgency>();
  private readonly byCode102 = new Map<string, StoredAgency>();
  private readonly systems: ReadonlySet<string>;

  constructor(records: readonly StoredAgency[], systems: Iterable<string>) {
    // The primary code wins over another record's code102 (as the stores' findAgency); records come sorted by code.
    for (const r of records) {
      this.byCode.set(r.code, r);
      if (r.code102 !== undefined && !this.byCode102.has(r.code102)) this.byCode102.set(r.code102, r);
    }
    this.systems = new Set(systems);
  }

  async findAgency(code: string) {
    return this.byCode.get(code) ?? this.byCode102.get(code);
  }

  async isSystem(systemId: string) {
    return this.systems.has(systemId);
  }
}

export class Agencies {
  private readonly lookup: Lookup;
  private readonly store?: Store;

  constructor(
    store: Store | Lookup,
    private readonly allowIds: ReadonlySet<string>,
    /** The whole directory (deleted records included) when this is a snapshot. */
    readonly records?: readonly StoredAgency[],
  ) {
    this.lookup =
      'isSystem' in store ? store : { findAgency: (code) => store.findAgency(code), isSystem: async (id) => (await store.getSystem(id)) !== undefined };
    this.store = 'isSystem' in store ? undefined : store;
  }

  /** One read of the directory and the connected systems, answering every question of one request. */
  async snapshot(): Promise<Agencies & { records: readonly StoredAgency[] }> {
    if (!this.store) return this as Agencies & { records: readonly StoredAgency[] };
    const [records, systems] = await Promise.all([this.store.listAgencies({ includeDeleted: true }), this.store.listSystems()]);
    const snapshot = new Agencies(new SnapshotLookup(records, systems.map((s) => s.systemId)), this.allowIds, records);
    return snapshot as Agencies & { records: readonly StoredAgency[] };
  }

  async resolve(code: string): Promise<ResolvedAgency | undefined> {
    const record = await this.lookup.findAgency(code);
    if (record && !record.deleted) return { canonical: record.code102 ?? record.code, record, source: 'directory' };
    if (await this.lookup.isSystem(code)) return { canonical: code, source: 'system' };
    if (this.allowIds.has(code)) return { canonical: code, source: 'allowed' };
    return undefined;
  }

  /** The canonical form of a code, or the code itself when nobody knows it. */
  async canonical(code: string): Promise<string> {
    return (await this.resolve(code))?.canonical ?? code;
  }

  async sameAgency(a: string, b: string): Promise<boolean> {
    return a === b || (await this.canonical(a)) === (await this.canonical(b));
  }

  /**
   * True when `code` is the system itself or a unit registered (directly or through parents) under
   * it. Another connected system's id or an allow-listed id is never someone else's unit, whatever
   * an older registration says.
   */
  async manages(systemId: string, code: string): Promise<boolean> {
    if (await this.sameAgency(systemId, code)) return true;
    if (this.allowIds.has(code) || (await this.lookup.isSystem(code))) return false;
    let record = await this.lookup.findAgency(code);
    for (let depth = 0; record && depth < MAX_DEPTH; depth += 1) {
      if (record.registeredBy !== undefined && (await this.sameAgency(record.registeredBy, systemId))) return true;
      record = record.pcode ? await this.lookup.findAgency(record.pcode) : undefined;
    }
    return false;
  }

  /**
   * Whether `systemId` may register `code` as a new unit (registerAgency): its own code, or a code
   * below its agency in the identifier hierarchy (either form, through the directory) — never
   * another connected system's id, an allow-listed test id, or a code another system registered.
   */
  async mayClaim(systemId: string, code: string): Promise<ClaimRefusal | undefined> {
    const own = await this.sameAgency(systemId, code);
    if (!own && (await this.lookup.isSystem(code))) return 'connected-system';
    if (!own && this.allowIds.has(code)) return 'allow-listed';
    const existing = await this.lookup.findAgency(code);
    if (existing?.registeredBy !== undefined && !(await this.sameAgency(existing.registeredBy, systemId))) return 'registered-by-other';
    if (own) return undefined;
    const callerForms = new Set([systemId, await this.canonical(systemId)]);
    const record = await this.lookup.findAgency(systemId);
    if (record) for (const form of [record.code, record.code102]) if (form) callerForms.add(form);
    // `000.00.00.H41` and `H41` name the same body by construction, directory or not.
    for (const form of [...callerForms]) if (form.startsWith('000.00.00.')) callerForms.add(form.slice(10));
    return [...callerForms].some((form) => isUnitOf(code, form)) ? undefined : 'not-a-unit';
  }

  /**
   * The systemid whose inbox receives deliveries for this agency: a system connected under either
   * of its codes, else the system that registered it (or a parent), else the canonical code, which
   * a system connecting later under that code will read.
   */
  async inboxOf(agency: ResolvedAgency): Promise<string> {
    const codes = [agency.record?.code102, agency.record?.code, agency.canonical].filter((c): c is string => !!c);
    for (const code of new Set(codes)) if (await this.lookup.isSystem(code)) return code;
    let record = agency.record;
    for (let depth = 0; record && depth < MAX_DEPTH; depth += 1) {
      if (record.registeredBy !== undefined) return record.registeredBy;
      record = record.pcode ? await this.lookup.findAgency(record.pcode) : undefined;
    }
    return agency.canonical;
  }
}

/** getSynchronizeUnit versions grow with every change, so a client asks only for what is newer. */
export async function nextDirectoryVersion(store: Store, records?: readonly StoredAgency[]): Promise<number> {
  const all = records ?? (await store.listAgencies({ includeDeleted: true }));
  return all.reduce((max, a) => Math.max(max, a.version), 0) + 1;
}

// Agency identity on the axis: the directory decides who a code is (QCVN 102 and QĐ 20 forms of
// one agency are one agency), whose inbox receives it, and which units a system may manage.
import type { Store, StoredAgency } from './store/types.ts';

export interface ResolvedAgency {
  /** The one code this agency is known by inside truc: the QCVN 102 form when it has one. */
  canonical: string;
  record?: StoredAgency;
  source: 'directory' | 'system' | 'allowed';
}

// Parent chains are short; the bound only protects against a cyclic directory.
const MAX_DEPTH = 16;

export class Agencies {
  constructor(
    private readonly store: Store,
    private readonly allowIds: ReadonlySet<string>,
  ) {}

  async resolve(code: string): Promise<ResolvedAgency | undefined> {
    const record = await this.store.findAgency(code);
    if (record && !record.deleted) return { canonical: record.code102 ?? record.code, record, source: 'directory' };
    if (await this.store.getSystem(code)) return { canonical: code, source: 'system' };
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

  /** True when `code` is the system itself or a unit registered (directly or through parents) under it. */
  async manages(systemId: string, code: string): Promise<boolean> {
    if (await this.sameAgency(systemId, code)) return true;
    let record = await this.store.findAgency(code);
    for (let depth = 0; record && depth < MAX_DEPTH; depth += 1) {
      if (record.registeredBy !== undefined && (await this.sameAgency(record.registeredBy, systemId))) return true;
      record = record.pcode ? await this.store.findAgency(record.pcode) : undefined;
    }
    return false;
  }

  /**
   * The systemid whose inbox receives deliveries for this agency: a system connected under either
   * of its codes, else the system that registered it (or a parent), else the canonical code, which
   * a system connecting later under that code will read.
   */
  async inboxOf(agency: ResolvedAgency): Promise<string> {
    const codes = [agency.record?.code102, agency.record?.code, agency.canonical].filter((c): c is string => !!c);
    for (const code of new Set(codes)) if (await this.store.getSystem(code)) return code;
    let record = agency.record;
    for (let depth = 0; record && depth < MAX_DEPTH; depth += 1) {
      if (record.registeredBy !== undefined) return record.registeredBy;
      record = record.pcode ? await this.store.findAgency(record.pcode) : undefined;
    }
    return agency.canonical;
  }
}

/** getSynchronizeUnit versions grow with every change, so a client asks only for what is newer. */
export async function nextDirectoryVersion(store: Store): Promise<number> {
  const all = await store.listAgencies({ includeDeleted: true });
  return all.reduce((max, a) => Math.max(max, a.version), 0) + 1;
}

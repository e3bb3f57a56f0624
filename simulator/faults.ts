// Faults the control API sets to test a system's resilience (conformance F-01…F-05): behaviour as
// data, matched per operation, agency, next N calls and time window.
import { randomUUID } from 'node:crypto';

export type FaultKind = 'fail' | 'http' | 'drop' | 'delay' | 'silence';

export interface FaultSpec {
  kind: FaultKind;
  /** Operations it applies to; empty or absent means all. */
  operations?: string[];
  /** Calling systemids it applies to; empty or absent means all. */
  agencies?: string[];
  /** Applies to the next N matching calls only, then disappears. */
  count?: number;
  /** Time window (inclusive start, exclusive end); absent bounds are open. */
  from?: string;
  until?: string;
  /** `http`: the status to answer (default 503). */
  httpStatus?: number;
  /** `delay`: added latency; `silence`: how long to hold each call before dropping it when no `until`. */
  delayMs?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  /** The tenant that set it (then it matches only that tenant's systems); undefined = the operator's. */
  tenant?: string;
  created: string;
  /** Calls it has been applied to. */
  applied: number;
}

export type FaultSpecError = { field: string; reason: string };

const KINDS: readonly FaultKind[] = ['fail', 'http', 'drop', 'delay', 'silence'];

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Reads a fault from untrusted JSON (control API) or returns what is wrong with it. */
export function parseFaultSpec(input: unknown): FaultSpec | FaultSpecError {
  if (typeof input !== 'object' || input === null) return { field: '(body)', reason: 'must be a JSON object' };
  const o = input as Record<string, unknown>;
  if (!KINDS.includes(o.kind as FaultKind)) return { field: 'kind', reason: `must be one of ${KINDS.join(', ')}` };
  for (const f of ['operations', 'agencies'] as const) {
    if (o[f] !== undefined && !isStringArray(o[f])) return { field: f, reason: 'must be an array of strings' };
  }
  for (const f of ['count', 'httpStatus', 'delayMs'] as const) {
    if (o[f] !== undefined && !(Number.isInteger(o[f]) && (o[f] as number) >= 0)) return { field: f, reason: 'must be a non-negative integer' };
  }
  if (o.httpStatus !== undefined && ((o.httpStatus as number) < 200 || (o.httpStatus as number) > 599)) {
    return { field: 'httpStatus', reason: 'must be an HTTP status 200-599' };
  }
  for (const f of ['from', 'until'] as const) if (o[f] !== undefined && !isDate(o[f])) return { field: f, reason: 'must be an ISO 8601 time' };
  return {
    kind: o.kind as FaultKind,
    operations: o.operations as string[] | undefined,
    agencies: o.agencies as string[] | undefined,
    count: o.count as number | undefined,
    from: o.from as string | undefined,
    until: o.until as string | undefined,
    httpStatus: o.httpStatus as number | undefined,
    delayMs: o.delayMs as number | undefined,
  };
}

export const isFaultSpecError = (v: FaultSpec | FaultSpecError): v is FaultSpecError => 'reason' in v;

export class FaultRegistry {
  private faults: Fault[] = [];

  constructor(private readonly clock: () => Date) {}

  add(spec: FaultSpec, tenant?: string): Fault {
    const fault: Fault = { ...spec, id: randomUUID(), created: this.clock().toISOString(), applied: 0 };
    if (tenant !== undefined) fault.tenant = tenant;
    this.faults.push(fault);
    return fault;
  }

  /** Every fault, or only a tenant's. */
  list(tenant?: string): Fault[] {
    this.prune();
    return this.faults.filter((f) => tenant === undefined || f.tenant === tenant).map((f) => ({ ...f }));
  }

  /** Removes a fault (only the tenant's own when a tenant asks). */
  remove(id: string, tenant?: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id || (tenant !== undefined && f.tenant !== tenant));
    return this.faults.length < before;
  }

  /** Removes every fault, or only a tenant's. */
  clear(tenant?: string): void {
    this.faults = tenant === undefined ? [] : this.faults.filter((f) => f.tenant !== tenant);
  }

  /** The first fault that applies to this call, consumed by one use; undefined when none. */
  take(operation: string, caller: string | undefined): Fault | undefined {
    this.prune();
    const now = this.clock().getTime();
    const fault = this.faults.find(
      (f) =>
        (!f.operations?.length || f.operations.includes(operation)) &&
        (!f.agencies?.length || (caller !== undefined && f.agencies.includes(caller))) &&
        (f.from === undefined || Date.parse(f.from) <= now) &&
        (f.until === undefined || now < Date.parse(f.until)),
    );
    if (!fault) return undefined;
    fault.applied += 1;
    const snapshot = { ...fault };
    if (fault.count !== undefined && fault.applied >= fault.count) this.remove(fault.id);
    return snapshot;
  }

  private prune(): void {
    const now = this.clock().getTime();
    this.faults = this.faults.filter((f) => f.until === undefined || now < Date.parse(f.until));
  }
}

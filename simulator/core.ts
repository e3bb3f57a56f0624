// The services every layer of the axis shares: one instance per simulated axis.
import { EventEmitter } from 'node:events';
import type { Agencies } from './agencies.ts';
import type { TrustProvider } from './control/trust.ts';
import type { FaultRegistry } from './faults.ts';
import type { SignedHeaderLedger } from './http/replay.ts';
import type { PacketLimits } from './intake/limits.ts';
import type { ReservationRegistry } from './reservations.ts';
import type { JournalEntry, Store } from './store/types.ts';

export interface AxisOptions {
  /** Refuse any packet with a validator error (first error's rule id in ErrorDesc). */
  strict: boolean;
  /** Largest accepted body in bytes (default 50 MB). */
  maxBody: number;
  /** Test and relay ids accepted as agencies without a directory record. */
  allowIds: ReadonlySet<string>;
  /** hash-file mismatch: refuse (default, like the real axis) or accept with a finding. */
  hashPolicy: 'reject' | 'warn';
  /** Keep deliveries acknowledged `fail` in the inbox (default true). */
  failListed: boolean;
  /** Bytes of each body kept in the journal (default 64 KB). */
  journalBodyCap: number;
  /** Caps on one packet's elements and recipients (bounded work per request). */
  packetLimits: PacketLimits;
  /** Refuse signed timestamps older or newer than this many seconds; off when undefined. */
  timestampWindowSeconds?: number;
}

/**
 * Exchanges whose journal entry the store refused: the evidence has a gap, so the client got an
 * error and a conformance run that lost an entry cannot end with a verdict (docs/axis.md).
 */
export class JournalLoss {
  total = 0;
  private readonly byRun = new Map<string, number>();

  /** Runs are labels within a tenant (undefined: the operator's). */
  record(run: string | undefined, tenant?: string): void {
    this.total += 1;
    if (run !== undefined) this.byRun.set(JSON.stringify([tenant ?? null, run]), this.ofRun(run, tenant) + 1);
  }

  ofRun(run: string, tenant?: string): number {
    return this.byRun.get(JSON.stringify([tenant ?? null, run])) ?? 0;
  }
}

/** Journal events: `entry` with each JournalEntry once stored. */
export class JournalEvents extends EventEmitter<{ entry: [JournalEntry] }> {}

/** Run events: `run` with the run id each time a recorded conformance run changes (the console follows them). */
export class RunEvents extends EventEmitter<{ run: [string] }> {}

export interface AxisCore {
  store: Store;
  clock: () => Date;
  options: AxisOptions;
  agencies: Agencies;
  faults: FaultRegistry;
  events: JournalEvents;
  journalLoss: JournalLoss;
  /** Signed-header sets already used (one-use policy); absent when the policy is off. */
  replay?: SignedHeaderLedger;
  /** The run's trust anchors and CRL, for signature checks at intake and the control API. */
  trust?: TrustProvider;
  /** Changes of recorded conformance runs (store.putRun), for live views. */
  runEvents: RunEvents;
  /** Conformance runs on this axis: who reserved what, and which run an exchange belongs to. */
  reservations: ReservationRegistry;
}

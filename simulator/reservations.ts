// Conformance runs on one axis: each registers (control API /reservations), reserves its own counterpart agencies
// and document numbers in the store, and labels the exchanges that belong to it — those made by
// or to its system under test or naming one of its agencies (spec "Attribution": a run is its SUT's
// systemid and its agencies). Several runs share one sandbox without sharing a label, an agency or
// a number; a run whose process went silent past the lease is over.
import type { Agencies } from './agencies.ts';
import { inReservation } from './directory/reserved-range.ts';
import type { ReservationConflict, StoredReservation, Store } from './store/types.ts';

/** A run that sends no sign of life for this long counts as ended (its process died). */
export const RUN_LEASE_MS = 60_000;
/** How often a run's process says it is alive (well inside the lease). */
export const RUN_HEARTBEAT_MS = 15_000;
/** How long the active-run list is trusted before the store is asked again (other replicas). */
const REFRESH_MS = 1_000;

// Numbers and fresh-store agency positions come from the clock, so an axis restarted on an empty
// store never hands out what an earlier one did: centiseconds and seconds since 2026-01-01 (UTC),
// which keeps CodeNumber within its 11 characters until 2057.
const EPOCH_MS = Date.UTC(2026, 0, 1);

export interface RunRegistration {
  runId: string;
  sutCode: string;
  agencies: number;
  numbers: number;
}

export class ReservationRegistry {
  private active: StoredReservation[] = [];
  private fetched = 0;
  private refreshing: Promise<StoredReservation[]> | undefined;
  /** Each run's SUT under both code forms (QCVN 102 and QĐ 20), resolved once through the directory. */
  private readonly sutForms = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly store: Store,
    private readonly agencies: Agencies,
    private readonly clock: () => Date,
  ) {}

  private formsOf(run: StoredReservation): Promise<Set<string>> {
    let forms = this.sutForms.get(run.runId);
    if (!forms) {
      forms = this.agencies.resolve(run.sutCode).then(
        (agency) => new Set([run.sutCode, agency?.canonical, agency?.record?.code, agency?.record?.code102].filter((c): c is string => !!c)),
        () => new Set([run.sutCode]),
      );
      this.sutForms.set(run.runId, forms);
    }
    return forms;
  }

  private staleBefore(): Date {
    return new Date(this.clock().getTime() - RUN_LEASE_MS);
  }

  async register(registration: RunRegistration): Promise<StoredReservation | ReservationConflict> {
    const now = this.clock();
    const sinceEpoch = Math.max(0, now.getTime() - EPOCH_MS);
    const result = await this.store.reserveRun({
      ...registration,
      agencyFloor: Math.floor(sinceEpoch / 1000),
      numberFloor: Math.floor(sinceEpoch / 10),
      now,
      staleBefore: this.staleBefore(),
    });
    this.fetched = 0;
    return result;
  }

  async alive(runId: string): Promise<boolean> {
    return this.store.updateReservation(runId, { alive: this.clock() });
  }

  async end(runId: string): Promise<boolean> {
    const ended = await this.store.updateReservation(runId, { ended: this.clock() });
    this.fetched = 0;
    return ended;
  }

  async list(): Promise<StoredReservation[]> {
    if (Date.now() - this.fetched < REFRESH_MS) return this.active;
    this.refreshing ??= this.store.activeReservations(this.staleBefore()).then(
      (runs) => {
        this.active = runs;
        // Re-resolved with the list: the SUT's directory record may have been added since.
        this.sutForms.clear();
        this.fetched = Date.now();
        this.refreshing = undefined;
        return runs;
      },
      (e: unknown) => {
        this.refreshing = undefined;
        throw e;
      },
    );
    return this.refreshing;
  }

  /** The run an exchange belongs to: by its caller, or any agency it names (either code form). */
  async labelOf(codes: readonly (string | undefined)[]): Promise<string | undefined> {
    const runs = await this.list();
    if (runs.length === 0) return undefined;
    for (const run of runs) {
      const sut = await this.formsOf(run);
      for (const code of codes) {
        if (code === undefined) continue;
        if (sut.has(code) || inReservation(code, run.agencyStart, run.agencyCount)) return run.runId;
      }
    }
    return undefined;
  }
}

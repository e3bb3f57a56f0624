// The suite's handle on the simulated axis: the journal to judge, and the control-API actions the
// runner performs for cases (provision counterparts, send as them, inject faults). The simulator
// adapter implements it over the control API; tests implement it in memory.
import type { FaultKind, FaultSpec } from '../simulator/faults.ts';
import type { JournalView } from './journal-view.ts';

export type { FaultKind, FaultSpec };

export interface CounterpartAgency {
  /** QCVN 102 form code from the reserved test range (see agency-allocator.ts). */
  code: string;
  name: string;
}

export interface InjectRequest {
  /** The counterpart agency sending the packet. */
  from: string;
  bytes: Uint8Array;
  messageType: 'edoc' | 'status';
  /** Store even what intake validation would refuse (damaged-delivery cases). */
  pastIntake?: boolean;
  /** Deliver to these codes whatever the packet's To says (misrouted-delivery cases). */
  deliverTo?: string[];
}

export interface InjectResult {
  /** The sender id the axis gave the packet. */
  senderId: string;
  /** Journal entry recording the injection, when the axis journals it. */
  journalId?: number;
}

/**
 * What a case asks for: the simulator's fault kinds (simulator/faults.ts) with a duration instead
 * of clock times, since cases never read the clock. The runner scopes it to the SUT.
 */
export interface FaultRequest {
  kind: FaultKind;
  /** Operations affected; all when absent. */
  operations?: string[];
  /** Affect the next N matching calls. */
  count?: number;
  /** Affect matching calls for this long from when the runner sets the fault. */
  durationMs?: number;
  /** `delay`: latency added to each affected call. */
  delayMs?: number;
  /** `http`: the status to answer. */
  httpStatus?: number;
}

/**
 * What the axis reserved for the run (its store hands out each position once, whatever the run):
 * counterpart agencies at positions `agencyStart…` of the reserved test range, and document
 * numbers (CodeNumber) `numberStart…`.
 */
export interface RunReservation {
  runId: string;
  agencyStart: number;
  agencyCount: number;
  numberStart: number;
  numberCount: number;
}

/** Document numbers a run reserves: far more than a full-profile run issues (a few hundred). */
export const NUMBERS_PER_RUN = 2000;

export interface AxisPort {
  readonly journal: JournalView;
  /** The run's registration on the axis: its label and its reserved agencies and numbers. */
  readonly reservation: RunReservation;
  provisionAgencies(agencies: readonly CounterpartAgency[]): Promise<void>;
  inject(request: InjectRequest): Promise<InjectResult>;
  /** Sets a fault (the simulator's control-API form) and returns its id. */
  setFault(fault: FaultSpec): Promise<string>;
  clearFault(id: string): Promise<void>;
  /** Exchanges of this run the axis could not journal (evidence lost): any makes the run incomplete. */
  journalLost?(): Promise<number>;
}

// The suite's handle on the simulated axis: the journal to judge, and the control-API actions the
// runner performs for cases (provision counterparts, send as them, inject faults). The simulator
// adapter implements it over the control API; tests implement it in memory.
import type { JournalView } from './journal-view.ts';

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

/** A fault scoped to the SUT, as the simulator's control API understands it. */
export interface FaultSpec {
  kind: 'fail-reply' | 'http-error' | 'drop' | 'delay' | 'silence';
  /** The agency (systemid) whose calls it affects: always the SUT in a conformance run. */
  agency: string;
  /** Operations affected; all when absent. */
  operations?: string[];
  /** Affect the next N matching calls. */
  count?: number;
  /** Affect matching calls for this long from now. */
  durationMs?: number;
  /** `delay`: latency added to each affected call. */
  delayMs?: number;
  /** `http-error`: the status to answer. */
  httpStatus?: number;
}

export interface AxisPort {
  readonly journal: JournalView;
  provisionAgencies(agencies: readonly CounterpartAgency[]): Promise<void>;
  inject(request: InjectRequest): Promise<InjectResult>;
  /** Sets a fault and returns its id. */
  setFault(fault: FaultSpec): Promise<string>;
  clearFault(id: string): Promise<void>;
}

// A driver makes the SUT act (docs/conformance.md "Drivers"). It only reports whether the SUT
// took the order; the case then judges the traffic. `refused` is the SUT saying it cannot do what
// the requirement asks (the case fails); `error` is the harness failing to ask (the case errors).
import type { LocalizedText } from '../../edxml/finding.ts';
import type { TriggerJson } from './trigger.ts';

export type TriggerOutcome =
  | { kind: 'accepted'; output?: string }
  | { kind: 'refused'; reason: LocalizedText; output?: string }
  | { kind: 'error'; reason: LocalizedText; output?: string };

export interface TriggerCall {
  trigger: TriggerJson;
  /** Lets the operator skip the case while the runner waits for its traffic (manual driver). */
  operatorSkip: () => void;
  /** Aborted when the case ends, so a driver stops listening for it. */
  caseDone: AbortSignal;
  /** Aborted once the case has seen the SUT act on this trigger (its next wait ended) or has ended: the manual driver then shows the next instruction. */
  settled?: AbortSignal;
}

export interface Driver {
  /** Shown in reports and progress, e.g. `command`, `webhook`. */
  readonly name: string;
  trigger(call: TriggerCall): Promise<TriggerOutcome>;
  close?(): Promise<void>;
}

/** Keeps evidence bounded: a chatty vendor script must not bloat the report. */
export const OUTPUT_CAP = 64 * 1024;

export const capOutput = (text: string): string =>
  text.length <= OUTPUT_CAP ? text : `${text.slice(0, OUTPUT_CAP)}\n… (${text.length - OUTPUT_CAP} more characters)`;

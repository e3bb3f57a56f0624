// The instructions a person follows when the SUT is operated by hand (manual driver): one at a
// time, in the order the cases asked, each shown until its case has seen the SUT act or the
// operator skips it. Front ends only display the queue and forward the operator's choices: the
// terminal (manual.ts) and a web console (subscribe to events, call skip) share this one queue.
import type { LocalizedText } from '../../edxml/finding.ts';
import type { TriggerCall } from './driver.ts';
import { describeTrigger, type TriggerJson } from './trigger.ts';

export interface Instruction {
  caseId: string;
  /** What to do, in one short sentence first, then the details (describeTrigger). */
  text: LocalizedText;
  trigger: TriggerJson;
  /** When it became the current instruction (its deadline counts from then). */
  shownAt?: Date;
}

export type InstructionEvent =
  | { kind: 'shown'; instruction: Instruction }
  /** The case saw the SUT act (or ended otherwise): the instruction is done. */
  | { kind: 'done'; instruction: Instruction }
  | { kind: 'skipped'; instruction: Instruction };

export interface InstructionQueue {
  /** Queues the trigger; resolves when it is shown (accepted from then on), rejects if its case ends first. */
  offer(call: TriggerCall): Promise<void>;
  /** The instruction being carried out, if any. */
  current(): Instruction | undefined;
  /** Instructions waiting their turn, oldest first. */
  queued(): readonly Instruction[];
  /** Skips the named case's instruction (the current one when no case is named); false if none. */
  skip(caseId?: string): boolean;
  subscribe(listener: (event: InstructionEvent) => void): () => void;
}

interface Entry {
  instruction: Instruction;
  call: TriggerCall;
  show: () => void;
}

export function createInstructionQueue(): InstructionQueue {
  const waiting: Entry[] = [];
  let shown: Entry | undefined;
  const listeners = new Set<(event: InstructionEvent) => void>();
  const emit = (event: InstructionEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const showNext = () => {
    if (shown || !waiting.length) return;
    shown = waiting.shift()!;
    shown.instruction.shownAt = new Date();
    shown.show();
    emit({ kind: 'shown', instruction: shown.instruction });
  };
  const remove = (entry: Entry, kind: 'done' | 'skipped') => {
    if (shown === entry) shown = undefined;
    else {
      const at = waiting.indexOf(entry);
      if (at < 0) return;
      waiting.splice(at, 1);
    }
    emit({ kind, instruction: entry.instruction });
    showNext();
  };
  return {
    offer(call) {
      return new Promise<void>((resolve, reject) => {
        const entry: Entry = {
          instruction: { caseId: call.trigger.case, text: describeTrigger(call.trigger), trigger: call.trigger },
          call,
          show: resolve,
        };
        const ended = () => {
          if (shown !== entry) reject(new Error(`case ${call.trigger.case} ended before its instruction was shown`));
          remove(entry, 'done');
        };
        call.caseDone.addEventListener('abort', ended, { once: true });
        call.settled?.addEventListener('abort', ended, { once: true });
        // The same case asking for its next action: it has moved on from the one shown.
        if (shown?.instruction.caseId === call.trigger.case) remove(shown, 'done');
        waiting.push(entry);
        showNext();
      });
    },
    current: () => shown?.instruction,
    queued: () => waiting.map((e) => e.instruction),
    skip(caseId) {
      const entry = caseId === undefined ? shown : [shown, ...waiting].find((e) => e?.instruction.caseId === caseId);
      if (!entry) return false;
      entry.call.operatorSkip();
      remove(entry, 'skipped');
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

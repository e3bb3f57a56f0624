// The manual driver: a person operates the SUT. The instruction is printed; the runner simply waits
// for the traffic. Pressing Enter skips the oldest case still waiting ("operator skipped").
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Driver, TriggerCall, TriggerOutcome } from './driver.ts';
import { describeTrigger } from './trigger.ts';

export interface ManualDriverOptions {
  input: Readable;
  output: Writable;
}

export function createManualDriver(options: ManualDriverOptions): Driver {
  const waiting: TriggerCall[] = [];
  let lines: Interface | undefined;
  const listen = () => {
    if (lines) return;
    lines = createInterface({ input: options.input });
    lines.on('line', () => waiting.shift()?.operatorSkip());
  };
  return {
    name: 'manual',
    async trigger(call): Promise<TriggerOutcome> {
      const text = describeTrigger(call.trigger);
      // On a terminal the progress reporter keeps a live line without a newline: clear it first.
      const clear = (options.output as { isTTY?: boolean }).isTTY ? '\r\x1b[K' : '';
      options.output.write(`${clear}${text.vi}\n${text.en}\n`);
      options.output.write(`  Dữ liệu / Data: ${JSON.stringify(call.trigger)}\n`);
      options.output.write(`  Nhấn Enter để bỏ qua / Press Enter to skip ${call.trigger.case}\n`);
      listen();
      waiting.push(call);
      call.caseDone.addEventListener('abort', () => {
        const at = waiting.indexOf(call);
        if (at >= 0) waiting.splice(at, 1);
      });
      return { kind: 'accepted' };
    },
    async close() {
      lines?.close();
      lines = undefined;
    },
  };
}

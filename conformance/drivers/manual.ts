// The manual driver: a person operates the SUT. Instructions come one at a time from an
// instruction queue (instruction-queue.ts); this is its terminal front end. The operator presses
// Enter to skip the instruction shown, types a case id (or "skip ID") to skip that case, and
// Ctrl-C ends the run with a partial report (the certify command handles the signal). A web
// front end uses the same queue: pass `queue` and subscribe to it.
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Driver, TriggerOutcome } from './driver.ts';
import { createInstructionQueue, type Instruction, type InstructionQueue } from './instruction-queue.ts';

export interface ManualDriverOptions {
  input: Readable;
  output: Writable;
  /** The queue to serve (default: a new one); a web console may share it. */
  queue?: InstructionQueue;
}

export interface ManualDriver extends Driver {
  readonly queue: InstructionQueue;
}

const HELP = {
  vi: '  Enter: bỏ qua ca này · gõ mã ca (vd. S-02) để bỏ qua ca đó · Ctrl-C: dừng và ghi báo cáo dở dang',
  en: '  Enter: skip this case · type a case id (e.g. S-02) to skip that case · Ctrl-C: stop with a partial report',
};

export function createManualDriver(options: ManualDriverOptions): ManualDriver {
  const queue = options.queue ?? createInstructionQueue();
  // On a terminal the progress reporter keeps a live line without a newline: clear it first.
  const clear = () => ((options.output as { isTTY?: boolean }).isTTY ? '\r\x1b[K' : '');
  const print = (text: string) => options.output.write(`${clear()}${text}\n`);
  const show = (instruction: Instruction) => {
    const waitingCount = queue.queued().length;
    print(`\n▶ ${instruction.text.vi}\n  ${instruction.text.en}`);
    print(`  Dữ liệu / Data: ${JSON.stringify(instruction.trigger)}`);
    print(`${HELP.vi}\n${HELP.en}`);
    print(`  Nhấn Enter để bỏ qua / Press Enter to skip ${instruction.caseId}${waitingCount ? ` (${waitingCount} lệnh đang chờ / waiting)` : ''}`);
  };
  const unsubscribe = queue.subscribe((event) => {
    if (event.kind === 'shown') show(event.instruction);
    if (event.kind === 'skipped') print(`  ${event.instruction.caseId}: người vận hành bỏ qua / operator skipped`);
  });
  let lines: Interface | undefined;
  const listen = () => {
    if (lines) return;
    lines = createInterface({ input: options.input });
    lines.on('line', (line) => {
      const typed = line.trim().replace(/^skip\s+/i, '').toUpperCase();
      if (!typed) {
        queue.skip();
        return;
      }
      if (!queue.skip(typed)) {
        const known = [queue.current(), ...queue.queued()].filter((i) => i !== undefined).map((i) => i.caseId);
        print(`  Không có lệnh cho ${typed} / No instruction for ${typed}${known.length ? ` (${known.join(', ')})` : ''}`);
      }
    });
  };
  return {
    name: 'manual',
    queue,
    async trigger(call): Promise<TriggerOutcome> {
      listen();
      // Accepted once shown: the case's deadline counts from the moment the person can act.
      await queue.offer(call);
      return { kind: 'accepted' };
    },
    async close() {
      unsubscribe();
      lines?.close();
      lines = undefined;
    },
  };
}

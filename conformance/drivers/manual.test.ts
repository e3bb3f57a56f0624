// The manual driver shows one instruction at a time, says when a signed PDF is required, and
// lets the operator skip the case of their choice by name.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TriggerCall } from './driver.ts';
import { createInstructionQueue } from './instruction-queue.ts';
import { createManualDriver } from './manual.ts';
import { triggerJson } from './trigger.ts';

function call(caseId: string) {
  const caseDone = new AbortController();
  const settled = new AbortController();
  let skipped = false;
  const trigger = triggerJson('r-test', caseId, {
    action: 'send',
    to: ['000.01.02.G99'],
    document: { codeNumber: '1', codeNotation: 'X', subject: 'Thử', typeName: 'Công văn', attachments: [{ name: 'cong-van.pdf', sign: true }] },
  }, 60);
  const value: TriggerCall = { trigger, operatorSkip: () => (skipped = true), caseDone: caseDone.signal, settled: settled.signal };
  return { value, caseDone, settled, skipped: () => skipped };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('instruction queue', () => {
  it('shows one instruction at a time, the next once the first case has seen the SUT act', async () => {
    const queue = createInstructionQueue();
    const a = call('S-02');
    const b = call('S-03');
    let bShown = false;
    const shownA = queue.offer(a.value);
    void queue.offer(b.value).then(() => (bShown = true));
    await shownA;
    await tick();
    expect(queue.current()?.caseId).toBe('S-02');
    expect(queue.queued().map((i) => i.caseId)).toEqual(['S-03']);
    expect(bShown).toBe(false);
    a.settled.abort();
    await tick();
    expect(bShown).toBe(true);
    expect(queue.current()?.caseId).toBe('S-03');
  });

  it('skips the case the operator names, queued or shown, and only that one', async () => {
    const queue = createInstructionQueue();
    const a = call('S-02');
    const b = call('S-03');
    const c = call('S-04');
    const rejected = queue.offer(c.value);
    void queue.offer(a.value).catch(() => undefined);
    void queue.offer(b.value).catch(() => undefined);
    await rejected;
    expect(queue.skip('S-03')).toBe(true);
    expect(b.skipped()).toBe(true);
    expect(a.skipped()).toBe(false);
    expect(queue.skip('B-99')).toBe(false);
    expect(queue.skip()).toBe(true);
    expect(c.skipped()).toBe(true);
    expect(queue.current()?.caseId).toBe('S-02');
  });
});

describe('manual driver (terminal)', () => {
  it('prints a short sentence first, says the PDF must be signed, and skips by typed case id', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const driver = createManualDriver({ input, output });
    const a = call('S-02');
    const b = call('S-03');
    await driver.trigger(a.value);
    const second = driver.trigger(b.value);
    await tick();
    expect(printed).toContain('[S-02] Send the document 1/X «Thử» → 000.01.02.G99 within 60 s. Attach cong-van.pdf: it must be a signed PDF.');
    expect(printed).not.toContain('[S-03]');
    input.write('s-02\n');
    await second;
    expect(a.skipped()).toBe(true);
    expect(printed).toContain('[S-03] Send the document');
    input.write('skip B-01\n');
    await tick();
    expect(printed).toContain('No instruction for B-01 (S-03)');
    await driver.close?.();
  });
});

// Pacing and deadline judgement (spec "Time"): triggers one at a time unless raised, documents
// injected one after the other at a bounded rate, deadlines counted from each case's own stimulus,
// answers judged by when they arrived (never by when a busy harness noticed them).
import { describe, expect, it } from 'vitest';
import { defineCase, type CaseDefinition } from './case.ts';
import { casesOfProfile } from './catalogue.ts';
import type { Driver } from './drivers/driver.ts';
import { createCommandDriver } from './drivers/command.ts';
import { createGate, createRateGate } from './pacing.ts';
import { runSuite, type RunOptions } from './runner.ts';
import { createFakeAxis, type FakeAxis } from './testing/fake-axis.ts';
import type { Timing } from './timing.ts';

const SUT = '000.00.00.H41';
const timing: Timing = { profile: 'ci', responseSeconds: 0.3, settleSeconds: 0.05 };
const expected = { vi: 'điều mong đợi', en: 'the expectation' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The harness blocking its own event loop (a synchronous stall). */
const block = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

const options = (axis: FakeAxis, cases: CaseDefinition[], driver: Driver, more: Partial<RunOptions> = {}): RunOptions => ({
  runId: 'r-pacing',
  profile: 'business',
  timing,
  sut: { code: SUT, name: 'UBND tỉnh Nghệ An' },
  cases,
  port: axis.port,
  driver,
  suiteVersion: '0.0.0-test',
  ...more,
});

/** Every business case triggers the SUT and waits for the send it answers with. */
const triggeringBusiness = (): CaseDefinition[] =>
  casesOfProfile('business').map((e) =>
    defineCase({
      id: e.id,
      counterparts: 1,
      schedule: 'concurrent',
      act: (ctx) => ctx.trigger({ action: 'send', to: [ctx.agencies[0]] }),
      await: (ctx) => ctx.waitFor((x) => x.operation === 'sendEdoc' && x.agencies.includes(ctx.agencies[0]), { expected }),
    }),
  );

/** A driver that takes `acceptMs` to accept, then lets the SUT send `answerMs` later; counts triggers in flight. */
function slowDriver(axis: FakeAxis, acceptMs: number, answerMs: number) {
  const seen = { inFlight: 0, most: 0, deadlines: [] as number[] };
  const driver: Driver = {
    name: 'test',
    async trigger({ trigger }) {
      seen.inFlight++;
      seen.most = Math.max(seen.most, seen.inFlight);
      seen.deadlines.push(trigger.deadlineSeconds);
      await sleep(acceptMs);
      seen.inFlight--;
      setTimeout(() => axis.record({ operation: 'sendEdoc', caller: SUT, agencies: [SUT, ...(trigger.to ?? [])] }), answerMs);
      return { kind: 'accepted' };
    },
  };
  return { driver, seen };
}

describe('pacing', () => {
  it('gives triggers to the driver one at a time, and judges each send from its own acceptance', async () => {
    const axis = createFakeAxis();
    // Each trigger takes 150 ms to accept: the last of six is accepted 0.9 s after the run starts,
    // three times the 0.3 s deadline, yet every case passes.
    const { driver, seen } = slowDriver(axis, 150, 100);
    const record = await runSuite(options(axis, triggeringBusiness(), driver));
    expect(seen.most).toBe(1);
    expect(record.cases.map((c) => c.result)).toEqual(record.cases.map(() => 'pass'));
    expect(new Set(seen.deadlines)).toEqual(new Set([0.3]));
  });

  it('raises the number of triggers in flight with parallelTriggers', async () => {
    const axis = createFakeAxis();
    const { driver, seen } = slowDriver(axis, 100, 10);
    await runSuite(options(axis, triggeringBusiness(), driver, { parallelTriggers: 3 }));
    expect(seen.most).toBe(3);
  });

  it('fails a send that comes later than the budget after acceptance', async () => {
    const axis = createFakeAxis();
    const { driver } = slowDriver(axis, 10, 450);
    const record = await runSuite(options(axis, triggeringBusiness(), driver));
    expect(record.cases.every((c) => c.result === 'fail')).toBe(true);
  });

  it('counts the deadline from the injection, not from when the case starts waiting', async () => {
    const axis = createFakeAxis();
    // The SUT acknowledges 200 ms after the injection; the case then spends 250 ms before it
    // waits. From the injection the answer is in time (0.2 s of 0.3 s).
    axis.onInject = (_request, injection) =>
      setTimeout(() => axis.record({ operation: 'updateStatus', caller: SUT, agencies: [SUT, ...injection.agencies] }), 200);
    const b01 = defineCase({
      id: 'B-01',
      counterparts: 1,
      schedule: 'concurrent',
      setup: (ctx) => ctx.document(),
      act: async (ctx, doc) => {
        await ctx.send({ from: doc.from, bytes: new TextEncoder().encode('<edXML/>'), messageType: 'edoc' });
        await sleep(250);
      },
      await: (ctx) => ctx.waitUntil((entries) => entries.find((e) => e.operation === 'updateStatus' && e.agencies.includes(ctx.agencies[0])), { expected }),
    });
    // And a case whose answer came 0.45 s after its injection fails, even though it is already
    // in the journal when the case starts waiting, 0.5 s after the injection.
    const b02 = defineCase({
      id: 'B-02',
      counterparts: 1,
      schedule: 'concurrent',
      setup: (ctx) => ctx.document(),
      act: async (ctx, doc) => {
        await ctx.send({ from: doc.from, bytes: new TextEncoder().encode('<edXML/>'), messageType: 'status' });
        await sleep(500);
      },
      await: (ctx) => ctx.waitFor((e) => e.operation === 'getEdoc' && e.agencies.includes(ctx.agencies[0]), { expected }),
    });
    const late = axis.onInject;
    axis.onInject = (request, injection) => {
      if (request.messageType === 'status') setTimeout(() => axis.record({ operation: 'getEdoc', caller: SUT, agencies: [SUT, ...injection.agencies] }), 450);
      else late(request, injection);
    };
    const others = casesOfProfile('business')
      .filter((e) => !['B-01', 'B-02'].includes(e.id))
      .map((e) => defineCase({ id: e.id, counterparts: 0, schedule: 'concurrent' }));
    const record = await runSuite(options(axis, [b01, b02, ...others], slowDriver(axis, 0, 0).driver));
    expect(record.cases.find((c) => c.id === 'B-01')!.result).toBe('pass');
    const b02Outcome = record.cases.find((c) => c.id === 'B-02')!;
    expect(b02Outcome.result).toBe('fail');
    expect(b02Outcome.observed?.en).toMatch(/Arrived after 0\.[45]\d* s \(deadline 0.3 s\)/);
  });

  it('does not judge late an answer the harness could not read because its own loop was blocked', async () => {
    const axis = createFakeAxis();
    axis.onInject = (_request, injection) => {
      // The SUT answers at 100 ms, but the harness blocks its loop from 50 ms to 700 ms: the answer
      // is read after the deadline timer has expired.
      setTimeout(() => axis.record({ operation: 'updateStatus', caller: SUT, agencies: [SUT, ...injection.agencies] }), 100);
      setTimeout(() => block(650), 50);
    };
    const b01 = defineCase({
      id: 'B-01',
      counterparts: 1,
      schedule: 'concurrent',
      setup: (ctx) => ctx.document(),
      act: async (ctx, doc) => {
        await ctx.send({ from: doc.from, bytes: new TextEncoder().encode('<edXML/>'), messageType: 'edoc' });
      },
      await: (ctx) => ctx.waitFor((e) => e.operation === 'updateStatus' && e.agencies.includes(ctx.agencies[0]), { expected }),
    });
    const others = casesOfProfile('business')
      .filter((e) => e.id !== 'B-01')
      .map((e) => defineCase({ id: e.id, counterparts: 0, schedule: 'concurrent' }));
    // Let the stall watcher tick before the run.
    await sleep(50);
    const record = await runSuite(options(axis, [b01, ...others], slowDriver(axis, 0, 0).driver));
    expect(record.cases.find((c) => c.id === 'B-01')!.result).toBe('pass');
  });

  it('injects documents one after the other at the bounded rate', async () => {
    const axis = createFakeAxis();
    const times: number[] = [];
    axis.onInject = () => times.push(Date.now());
    const cases = casesOfProfile('business').map((e) =>
      defineCase({
        id: e.id,
        counterparts: 1,
        schedule: 'concurrent',
        setup: (ctx) => ctx.document(),
        act: async (ctx, doc) => {
          await ctx.send({ from: doc.from, bytes: new TextEncoder().encode('<edXML/>'), messageType: 'edoc' });
        },
      }),
    );
    await runSuite(options(axis, cases, slowDriver(axis, 0, 0).driver, { injectionsPerSecond: 20 }));
    expect(times).toHaveLength(cases.length);
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(45);
  });

  it('a document keeps the deadline its case declared: its waits and run-wide checks read one value', async () => {
    const axis = createFakeAxis();
    axis.onInject = (_request, injection) =>
      setTimeout(() => axis.record({ operation: 'updateStatus', caller: SUT, agencies: [SUT, ...injection.agencies] }), 450);
    let declared: number | undefined;
    let other: number | undefined;
    const b01 = defineCase({
      id: 'B-01',
      counterparts: 1,
      schedule: 'concurrent',
      setup: (ctx) => ctx.document({ deadlineSeconds: 0.8 }),
      act: async (ctx, doc) => {
        await ctx.send({ from: doc.from, bytes: new TextEncoder().encode('<edXML/>'), messageType: 'edoc' });
      },
      await: (ctx, doc) => ctx.waitFor((e) => e.operation === 'updateStatus', { expected, deadlineSeconds: doc.deadlineSeconds }),
      absence: (ctx) => {
        declared = ctx.run.documentDeadlineSeconds?.(ctx.documents[0].documentId);
        other = ctx.run.documentDeadlineSeconds?.('000.01.01.G99,2026/01/01,1/X');
      },
    });
    const others = casesOfProfile('business')
      .filter((e) => e.id !== 'B-01')
      .map((e) => defineCase({ id: e.id, counterparts: 0, schedule: 'concurrent' }));
    const record = await runSuite(options(axis, [b01, ...others], slowDriver(axis, 0, 0).driver));
    expect(record.cases.find((c) => c.id === 'B-01')!.result).toBe('pass');
    expect(declared).toBe(0.8);
    expect(other).toBe(0.3);
  });

  it('ends unfinished cases as operator skips when the run is interrupted, and still reports', async () => {
    const axis = createFakeAxis();
    const interrupt = new AbortController();
    const cases = casesOfProfile('business').map((e) =>
      defineCase({ id: e.id, counterparts: 0, schedule: 'concurrent', await: (ctx) => ctx.waitFor(() => false, { expected, deadlineSeconds: 60 }) }),
    );
    setTimeout(() => interrupt.abort(), 100);
    const started = Date.now();
    const record = await runSuite(options(axis, cases, slowDriver(axis, 0, 0).driver, { interrupt: interrupt.signal }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(record.cases.every((c) => c.result === 'skip' && c.operatorSkipped)).toBe(true);
    expect(record.cases[0].message.en).toMatch(/Ctrl-C/);
    expect(record.verdict).toBe('incomplete');
  });
});

describe('a command driver whose trigger takes 2 s to start', () => {
  it('leaves receive cases alone and judges each send from its trigger acceptance', async () => {
    const axis = createFakeAxis();
    const slow: Timing = { profile: 'ci', responseSeconds: 1, settleSeconds: 0.05 };
    // The "SUT" acknowledges every injected document within 0.2 s, and sends 0.3 s after each
    // trigger command has finished (it reads the trigger file the command left).
    axis.onInject = (_request, injection) =>
      setTimeout(() => axis.record({ operation: 'updateStatus', caller: SUT, agencies: [SUT, ...injection.agencies] }), 200);
    const command = createCommandDriver({
      command: 'sleep 2',
      sutEnv: { TRUC_AXIS_URL: 'http://127.0.0.1:1', TRUC_SYSTEM_ID: SUT, TRUC_SECRET: 's', TRUC_TRUST_PEM: '/dev/null', TRUC_CRL_PEM: '/dev/null' },
    });
    const accepted: number[] = [];
    const driver: Driver = {
      name: command.name,
      async trigger(call) {
        const outcome = await command.trigger(call);
        accepted.push(Date.now());
        setTimeout(() => axis.record({ operation: 'sendEdoc', caller: SUT, agencies: [SUT, ...(call.trigger.to ?? [])] }), 300);
        return outcome;
      },
    };
    const send = (id: string) =>
      defineCase({
        id,
        counterparts: 1,
        schedule: 'concurrent',
        act: (ctx) => ctx.trigger({ action: 'send', to: [ctx.agencies[0]] }),
        await: (ctx) => ctx.waitFor((e) => e.operation === 'sendEdoc' && e.agencies.includes(ctx.agencies[0]), { expected }),
      });
    const receive = (id: string) =>
      defineCase({
        id,
        counterparts: 1,
        schedule: 'concurrent',
        setup: (ctx) => ctx.document(),
        act: async (ctx, doc) => {
          await ctx.send({ from: doc.from, bytes: new TextEncoder().encode('<edXML/>'), messageType: 'edoc' });
        },
        await: (ctx) => ctx.waitFor((e) => e.operation === 'updateStatus' && e.agencies.includes(ctx.agencies[0]), { expected }),
      });
    const cases = [send('B-01'), send('B-02'), send('B-03'), receive('B-04'), receive('B-05'), receive('B-06')];
    const started = Date.now();
    const record = await runSuite(options(axis, cases, driver, { timing: slow }));
    await command.close?.();
    // Three sends, one after the other, each 2 s to accept: the last is accepted at least 6 s in,
    // six times the 1 s deadline, and every case passes, the receive cases (1 s each) included.
    expect(record.cases.map((c) => `${c.id} ${c.result}`)).toEqual(cases.map((c) => `${c.id} pass`));
    expect(accepted[2] - started).toBeGreaterThan(5_500);
    expect(record.harness.map((h) => h.trigger.deadlineSeconds)).toEqual([1, 1, 1]);
  }, 30_000);
});

describe('gates', () => {
  it('lets at most N through, first come first served, and forgets an aborted waiter', async () => {
    const gate = createGate(2);
    const order: number[] = [];
    const a = await gate.enter();
    const b = await gate.enter();
    const aborted = new AbortController();
    const c = gate.enter(aborted.signal);
    const d = gate.enter().then((release) => {
      order.push(4);
      return release;
    });
    aborted.abort();
    await expect(c).rejects.toBeDefined();
    a();
    (await d)();
    b();
    expect(order).toEqual([4]);
    expect(() => createGate(0)).toThrow(RangeError);
  });

  it('spaces passes by the rate', async () => {
    let clock = 0;
    const rate = createRateGate(10, () => clock);
    await rate.pass();
    const second = rate.pass();
    clock = 100;
    await second;
    expect(() => createRateGate(0)).toThrow(RangeError);
  });
});

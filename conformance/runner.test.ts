import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { defineCase, type CaseDefinition } from './case.ts';
import { casesOfProfile } from './catalogue.ts';
import type { Driver } from './drivers/driver.ts';
import { createInProcessDriver } from './drivers/in-process.ts';
import { createManualDriver } from './drivers/manual.ts';
import { runSuite, type RunOptions } from './runner.ts';
import { createFakeAxis, type FakeAxis } from './testing/fake-axis.ts';
import type { Timing } from './timing.ts';

const SUT = '000.00.00.H41';
const timing: Timing = { profile: 'ci', responseSeconds: 0.3, settleSeconds: 0.05 };
const noTrigger: Driver = createInProcessDriver(async () => 'accepted');
const expected = { vi: 'điều mong đợi', en: 'the expectation' };
const observed = { vi: 'điều thấy được', en: 'the observation' };

const options = (axis: FakeAxis, cases: CaseDefinition[], more: Partial<RunOptions> = {}): RunOptions => ({
  runId: 'r-test',
  profile: 'business',
  timing,
  sut: { code: SUT, name: 'UBND tỉnh Nghệ An' },
  cases,
  port: axis.port,
  driver: noTrigger,
  suiteVersion: '0.0.0-test',
  ...more,
});

/** Every business case passes trivially, except the ones a test overrides. */
const passingBusiness = (overrides: CaseDefinition[]): CaseDefinition[] => {
  const ids = new Set(overrides.map((c) => c.id));
  const trivial = casesOfProfile('business')
    .filter((e) => !ids.has(e.id))
    .map((e) => defineCase({ id: e.id, counterparts: 0, schedule: 'concurrent' }));
  return [...trivial, ...overrides];
};

const result = (record: Awaited<ReturnType<typeof runSuite>>, id: string) => record.cases.find((c) => c.id === id)!;

describe('runner', () => {
  it('resolves a wait the moment the SUT acknowledges, and links the evidence', async () => {
    const axis = createFakeAxis();
    axis.onInject = (_request, injection) => {
      // The "SUT" reacts asynchronously, as it would over the wire.
      setImmediate(() =>
        axis.record({ operation: 'updateStatus', caller: SUT, agencies: [SUT], headers: { docId: injection.receiverIds![0], status: 'done' } }),
      );
    };
    const b01 = defineCase({
      id: 'B-01',
      counterparts: 2,
      schedule: 'concurrent',
      setup: (ctx) => ctx.document(),
      act: async (ctx, doc) => {
        await ctx.send({ from: doc.from, bytes: new TextEncoder().encode('<edXML/>'), messageType: 'edoc' });
      },
      await: (ctx) => ctx.waitFor((e) => e.operation === 'updateStatus' && ctx.ownEntries().includes(e), { expected }),
      assert: (ctx, _doc, ack) => {
        if (ack.headers.status !== 'done') ctx.fail(expected, observed);
        ctx.pass({ vi: 'Đã xác nhận', en: 'Acknowledged' });
      },
    });
    const record = await runSuite(options(axis, passingBusiness([b01])));
    const outcome = result(record, 'B-01');
    expect(outcome.result).toBe('pass');
    expect(outcome.message.en).toBe('Acknowledged');
    expect(outcome.evidence).toEqual([1, 2]);
    expect(outcome.expected).toBeUndefined();
    expect(axis.provisioned.map((a) => a.code)).toHaveLength(2);
    expect(record.verdict).toBe('conformant');
    expect(record.journal).toHaveLength(2);
  });

  it('fails a case whose awaited entry never comes, with expected and observed', async () => {
    const axis = createFakeAxis();
    const b02 = defineCase({
      id: 'B-02',
      counterparts: 1,
      schedule: 'concurrent',
      await: (ctx) => ctx.waitFor((e) => e.operation === 'sendEdoc', { expected }),
    });
    const record = await runSuite(options(axis, passingBusiness([b02])));
    const outcome = result(record, 'B-02');
    expect(outcome.result).toBe('fail');
    expect(outcome.expected).toEqual(expected);
    expect(outcome.observed?.en).toMatch(/Not observed within 0.3 s/);
    expect(record.verdict).toBe('not-conformant');
  });

  it('reports a recommended case failure as warn, and validator warnings as warn', async () => {
    const axis = createFakeAxis();
    const finding = (level: 'error' | 'warning' | 'note') => ({
      rule: 'EDXML-TEST-001',
      level,
      category: 'structure' as const,
      path: '/edXML',
      message: { vi: 'thử', en: 'test' },
      cite: 'QCVN 102:2016',
    });
    const cases = [
      defineCase({ id: 'F-05', counterparts: 0, schedule: 'alone', assert: (ctx) => ctx.fail(expected, observed) }),
      defineCase({ id: 'F-01', counterparts: 0, schedule: 'alone', assert: (ctx) => ctx.judgeFindings([finding('warning')], expected) }),
      defineCase({ id: 'F-02', counterparts: 0, schedule: 'alone', assert: (ctx) => ctx.judgeFindings([finding('warning'), finding('error')], expected) }),
      defineCase({
        id: 'F-03',
        counterparts: 0,
        schedule: 'alone',
        assert: (ctx) => ctx.judgeFindings([finding('warning')], expected, { stricter: ['EDXML-TEST-001'] }),
      }),
      // A note (an SDK habit) is never counted: the case passes.
      defineCase({ id: 'F-04', counterparts: 0, schedule: 'alone', assert: (ctx) => ctx.judgeFindings([finding('note')], expected) }),
    ];
    const record = await runSuite(options(axis, cases, { profile: 'resilience' }));
    expect(result(record, 'F-04').result).toBe('pass');
    expect(result(record, 'F-05').result).toBe('warn');
    expect(result(record, 'F-05').observed).toEqual(observed);
    expect(result(record, 'F-01').result).toBe('warn');
    expect(result(record, 'F-01').observed?.en).toContain('EDXML-TEST-001');
    expect(result(record, 'F-02').result).toBe('fail');
    expect(result(record, 'F-03').result).toBe('fail');
    expect(record.verdict).toBe('not-conformant');
  });

  it('turns harness problems into error, never fail, and makes the verdict incomplete', async () => {
    const axis = createFakeAxis();
    const b03 = defineCase({
      id: 'B-03',
      counterparts: 0,
      schedule: 'concurrent',
      act: async () => {
        throw new Error('control API unreachable');
      },
    });
    const cases = passingBusiness([b03]).filter((c) => c.id !== 'B-06');
    const record = await runSuite(options(axis, cases));
    expect(result(record, 'B-03').result).toBe('error');
    expect(result(record, 'B-03').message.en).toBe('Harness error: control API unreachable');
    expect(result(record, 'B-06').result).toBe('error');
    expect(result(record, 'B-06').message.en).toMatch(/not implemented/);
    expect(record.verdict).toBe('incomplete');
  });

  it('records operator skips as skip with the reason, making a required case incomplete', async () => {
    const axis = createFakeAxis();
    const record = await runSuite(options(axis, passingBusiness([]), { operatorSkip: ['B-04'] }));
    const outcome = result(record, 'B-04');
    expect(outcome.result).toBe('skip');
    expect(outcome.operatorSkipped).toBe(true);
    expect(outcome.message.en).toBe('operator skipped');
    expect(record.verdict).toBe('incomplete');
  });

  it('a not-applicable skip leaves the verdict conformant', async () => {
    const axis = createFakeAxis();
    const b05 = defineCase({
      id: 'B-05',
      counterparts: 0,
      schedule: 'concurrent',
      setup: (ctx) => ctx.skip({ vi: 'không áp dụng', en: 'not applicable' }),
    });
    const record = await runSuite(options(axis, passingBusiness([b05])));
    expect(result(record, 'B-05')).toMatchObject({ result: 'skip', operatorSkipped: false });
    expect(record.verdict).toBe('conformant');
  });

  it('judges absence checks once, after the settle window, over traffic that came late', async () => {
    const axis = createFakeAxis();
    const b01 = defineCase({
      id: 'B-01',
      counterparts: 1,
      schedule: 'concurrent',
      act: async (ctx) => {
        // A duplicate that arrives after the positive phase, during the settle window.
        setTimeout(() => axis.record({ operation: 'sendEdoc', caller: SUT, agencies: [SUT, ctx.agencies[0]], statusCode: '01' }), 10);
      },
      absence: (ctx) => {
        const statuses = ctx.ownEntries().filter((e) => e.statusCode === '01');
        ctx.evidence(...statuses);
        if (statuses.length > 0) ctx.fail({ vi: 'không có 01', en: 'no 01' }, { vi: `${statuses.length} gói 01`, en: `${statuses.length} 01s` });
      },
    });
    const record = await runSuite(options(axis, passingBusiness([b01]), { timing: { ...timing, settleSeconds: 0.2 } }));
    const outcome = result(record, 'B-01');
    expect(outcome.result).toBe('fail');
    expect(outcome.observed?.en).toBe('1 01s');
    expect(outcome.evidence).toEqual([1]);
  });

  it('runs resilience cases alone, after the others, clearing their faults', async () => {
    const axis = createFakeAxis();
    const events: string[] = [];
    const track = (id: string, schedule: 'concurrent' | 'alone') =>
      defineCase({
        id,
        counterparts: 0,
        schedule,
        act: async (ctx) => {
          events.push(`start ${id}`);
          if (schedule === 'alone') await ctx.fault({ kind: 'fail', operations: ['sendEdoc'], count: 1 });
          await new Promise((resolve) => setImmediate(resolve));
          events.push(`end ${id}`);
        },
      });
    const cases = [track('F-01', 'alone'), track('F-02', 'alone'), track('F-03', 'concurrent'), track('F-04', 'concurrent'), track('F-05', 'concurrent')];
    const record = await runSuite(options(axis, cases, { profile: 'resilience' }));
    expect(record.cases.map((c) => c.result)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
    const firstAlone = events.indexOf('start F-01');
    expect(events.slice(0, firstAlone).filter((e) => e.startsWith('end'))).toHaveLength(3);
    expect(events.slice(firstAlone)).toEqual(['start F-01', 'end F-01', 'start F-02', 'end F-02']);
    expect(axis.faults.map((f) => [f.spec.agencies, f.cleared])).toEqual([
      [[SUT], true],
      [[SUT], true],
    ]);
  });

  it('starts a resilience deadline when its silence fault ends', async () => {
    const axis = createFakeAxis();
    const silent = (id: string, answerAfterMs: number) =>
      defineCase({
        id,
        counterparts: 1,
        schedule: 'alone',
        act: async (ctx) => {
          await ctx.fault({ kind: 'silence', durationMs: 300 });
          setTimeout(() => axis.record({ operation: 'sendEdoc', caller: SUT, agencies: [SUT, ctx.agencies[0]], statusCode: '01' }), answerAfterMs);
        },
        await: (ctx) => ctx.waitFor((e) => e.statusCode === '01' && ctx.ownEntries().includes(e), { expected }),
      });
    // Response deadline 0.3 s: 450 ms is late from the start but in time from the fault's end.
    const cases = [silent('F-01', 450), silent('F-02', 900), ...['F-03', 'F-04', 'F-05'].map((id) => defineCase({ id, counterparts: 0, schedule: 'alone' }))];
    const record = await runSuite(options(axis, cases, { profile: 'resilience' }));
    expect(result(record, 'F-01').result).toBe('pass');
    expect(result(record, 'F-02').result).toBe('fail');
    expect(axis.faults[0].spec).toMatchObject({ kind: 'silence', agencies: [SUT] });
    expect(Date.parse(axis.faults[0].spec.until!) - Date.parse(axis.faults[0].spec.from!)).toBe(300);
  });

  it('ends waits in error, not fail, once the journal feed is lost', async () => {
    const axis = createFakeAxis();
    const b01 = defineCase({
      id: 'B-01',
      counterparts: 0,
      schedule: 'concurrent',
      act: async () => {
        axis.feed.fail({ vi: 'mất luồng', en: 'stream lost' });
      },
      await: (ctx) => ctx.waitFor((e) => e.operation === 'sendEdoc', { expected, deadlineSeconds: 0.1 }),
    });
    const record = await runSuite(options(axis, passingBusiness([b01])));
    expect(result(record, 'B-01')).toMatchObject({ result: 'error', message: { en: 'stream lost' } });
    expect(record.verdict).toBe('incomplete');
  });

  it('refuses faults from concurrent cases (they would disturb their peers)', async () => {
    const axis = createFakeAxis();
    const b01 = defineCase({ id: 'B-01', counterparts: 0, schedule: 'concurrent', act: (ctx) => ctx.fault({ kind: 'drop' }) });
    const record = await runSuite(options(axis, passingBusiness([b01])));
    expect(result(record, 'B-01').result).toBe('error');
    expect(axis.faults).toHaveLength(0);
  });

  it('sends the trigger JSON to the driver; refused fails the case, a driver error errors it', async () => {
    const axis = createFakeAxis();
    const seen: unknown[] = [];
    const driver = createInProcessDriver(async (trigger) => {
      seen.push(trigger);
      if (trigger.case === 'B-06') throw new Error('no such button');
      return trigger.case === 'B-05' ? 'refused' : 'accepted';
    });
    const triggering = (id: string) =>
      defineCase({
        id,
        counterparts: 1,
        schedule: 'concurrent',
        act: (ctx) => ctx.trigger({ action: 'take-back', to: [ctx.agencies[0]], concerning: 'X,2026/11/22,1/A' }),
      });
    const record = await runSuite(options(axis, passingBusiness([triggering('B-04'), triggering('B-05'), triggering('B-06')]), { driver }));
    expect(result(record, 'B-04').result).toBe('pass');
    expect(result(record, 'B-04').evidence).toEqual(['B-04/trigger-1']);
    expect(result(record, 'B-05').result).toBe('fail');
    expect(result(record, 'B-06').result).toBe('error');
    expect(result(record, 'B-06').message.en).toContain('no such button');
    expect(record.harness.map((h) => [h.id, h.outcome])).toEqual([
      ['B-04/trigger-1', 'accepted'],
      ['B-05/trigger-1', 'refused'],
      ['B-06/trigger-1', 'error'],
    ]);
    expect(seen[0]).toMatchObject({ run: 'r-test', case: 'B-04', action: 'take-back', concerning: 'X,2026/11/22,1/A', deadlineSeconds: 0.3 });
  });

  it('lets the operator skip a waiting case with Enter (manual driver)', async () => {
    const axis = createFakeAxis();
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      if (printed.includes('Press Enter to skip B-06')) input.write('\n');
    });
    const driver = createManualDriver({ input, output });
    const b06 = defineCase({
      id: 'B-06',
      counterparts: 1,
      schedule: 'concurrent',
      act: (ctx) => ctx.trigger({ action: 'take-back', to: [ctx.agencies[0]], concerning: 'D' }),
      await: (ctx) => ctx.waitFor((e) => e.statusCode === '13', { expected, deadlineSeconds: 30 }),
    });
    const record = await runSuite(options(axis, passingBusiness([b06]), { driver }));
    await driver.close?.();
    expect(result(record, 'B-06')).toMatchObject({ result: 'skip', operatorSkipped: true });
    expect(printed).toContain('Ask to take the document back');
    expect(record.verdict).toBe('incomplete');
  });

  it('gives each case its own documents and counterparts', async () => {
    const axis = createFakeAxis();
    const docs: string[] = [];
    const issuing = (id: string) =>
      defineCase({
        id,
        counterparts: 2,
        schedule: 'concurrent',
        setup: (ctx) => {
          docs.push(ctx.document().documentId, ctx.document({ issuer: 1, codeNotation: 'QĐ-UBND' }).documentId);
        },
      });
    await runSuite(options(axis, passingBusiness([issuing('B-01'), issuing('B-02')])));
    expect(new Set(docs).size).toBe(4);
    expect(docs.some((d) => d.endsWith('/QĐ-UBND'))).toBe(true);
    expect(new Set(axis.provisioned.map((a) => a.code)).size).toBe(4);
  });

  it('refuses definitions not in the catalogue or defined twice, and unknown skips', async () => {
    const axis = createFakeAxis();
    await expect(runSuite(options(axis, [defineCase({ id: 'Z-99', counterparts: 0, schedule: 'concurrent' })]))).rejects.toMatchObject({
      code: 'CONF-RUN-CONFIG',
    });
    const twice = defineCase({ id: 'B-01', counterparts: 0, schedule: 'concurrent' });
    await expect(runSuite(options(axis, [twice, twice]))).rejects.toMatchObject({ code: 'CONF-RUN-CONFIG', en: 'Case B-01 is defined twice' });
    await expect(runSuite(options(axis, [], { operatorSkip: ['Q-1'] }))).rejects.toMatchObject({ code: 'CONF-RUN-CONFIG' });
  });
});

describe('runner and lost evidence', () => {
  it('ends incomplete, never conformant, when the axis lost a journal entry of the run', async () => {
    const axis = createFakeAxis();
    const clean = await runSuite(options(axis, passingBusiness([])));
    expect(clean.verdict).toBe('conformant');
    const lossy = await runSuite(options(axis, passingBusiness([]), { port: { ...axis.port, journalLost: async () => 1 } }));
    expect(lossy).toMatchObject({ verdict: 'incomplete', journalLost: 1 });
  });
});

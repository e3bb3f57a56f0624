// A real run record for report tests: produced by the runner over the fake axis, with one case of
// every result and evidence whose text is hostile to HTML and XML.
import { defineCase } from '../case.ts';
import { createInProcessDriver } from '../drivers/in-process.ts';
import type { RunRecord } from '../run-record.ts';
import { runSuite } from '../runner.ts';
import { createFakeAxis } from './fake-axis.ts';

export const HOSTILE = '<script>alert("x")</script> ]]> & \u0000 \u0007 Quyết định số 1/QĐ-UBND';

export async function sampleRun(): Promise<RunRecord> {
  const axis = createFakeAxis();
  const SUT = '000.00.00.H41';
  axis.record({
    operation: 'sendEdoc',
    caller: SUT,
    agencies: [SUT, '000.01.01.G99'],
    headers: { messagetype: 'edoc', from: SUT },
    bodyExcerpt: new TextEncoder().encode(`<edXML>${HOSTILE}</edXML>`),
    bodyLength: 64,
  });
  const expected = { vi: 'Có một gói tin', en: 'One packet' };
  const cases = [
    defineCase({ id: 'B-01', counterparts: 1, schedule: 'concurrent', assert: (ctx) => ctx.evidence(1) }),
    defineCase({
      id: 'B-02',
      counterparts: 1,
      schedule: 'concurrent',
      assert: (ctx) => {
        ctx.evidence(1);
        ctx.fail(expected, { vi: `Thấy ${HOSTILE}`, en: `Saw ${HOSTILE}` });
      },
    }),
    defineCase({
      id: 'B-03',
      counterparts: 1,
      schedule: 'concurrent',
      assert: (ctx) => ctx.warn(expected, { vi: 'lệch khuyến nghị', en: 'deviates' }),
    }),
    defineCase({ id: 'B-04', counterparts: 1, schedule: 'concurrent', setup: (ctx) => ctx.skip({ vi: 'không áp dụng', en: 'not applicable' }) }),
    defineCase({
      id: 'B-05',
      counterparts: 1,
      schedule: 'concurrent',
      act: (ctx) => ctx.trigger({ action: 'revoke', to: [ctx.agencies[0]], concerning: 'D-1' }),
    }),
  ];
  return runSuite({
    runId: 'r-20261122-1015',
    profile: 'business',
    timing: { profile: 'ci', responseSeconds: 5, settleSeconds: 0.01 },
    sut: { code: SUT, name: 'UBND tỉnh Nghệ An', software: 'QLVB "Sample" <v>', version: '1.2' },
    cases,
    port: axis.port,
    driver: createInProcessDriver(async () => 'accepted'),
    suiteVersion: '0.1.0',
  });
}

import { describe, expect, it } from 'vitest';
import { buildPacket } from '../../edxml/build.ts';
import { composeEdoc } from '../../edxml/compose.ts';
import { vietnamDate } from '../../edxml/dates.ts';
import { responseForDocument } from '../../edxml/compose.ts';
import { issueCaseDocument } from '../case-documents.ts';
import type { CaseDefinition } from '../case.ts';
import { answeringSut, correctBehaviour, type AnsweringBehaviour } from '../testing/answering-sut.ts';
import { createFakeAxis, runCase, SUT, testRunPki } from '../testing/scripted-sut.ts';
import { largeDocumentCase, receiveCases } from './receive.ts';

const byId = (id: string): CaseDefinition => receiveCases.find((c) => c.id === id)!;
const pki = testRunPki();

async function run(definition: CaseDefinition, behaviour: Partial<AnsweringBehaviour> = {}, before?: (axis: ReturnType<typeof createFakeAxis>) => Promise<void>) {
  const axis = createFakeAxis();
  answeringSut(axis, behaviour);
  await before?.(axis);
  return (await runCase(definition, { axis, pki })).outcome;
}

/** A document some other case delivered earlier in the run (run-wide cases judge it). */
async function earlierDelivery(axis: ReturnType<typeof createFakeAxis>, number = '901', notation = 'KHAC-TRUC'): Promise<void> {
  const from = '000.09.09.G99';
  const date = vietnamDate(new Date());
  const bytes = buildPacket(composeEdoc({ from, to: [SUT], codeNumber: number, codeNotation: notation, promulgationDate: date, subject: 'Văn bản trước' }));
  await axis.port.inject({ from, bytes, messageType: 'edoc' });
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

describe('receive cases', () => {
  it('R-01 passes list, fetch and done; fails without an ack and on a fail ack', async () => {
    expect((await run(byId('R-01'))).result).toBe('pass');
    expect((await run(byId('R-01'), { ack: () => 'none' })).result).toBe('fail');
    const failAck = await run(byId('R-01'), { ack: () => 'fail' });
    expect(failAck.result).toBe('fail');
    expect(failAck.observed?.en).toContain('acknowledged fail');
  });

  it('R-02 counts terminal acknowledgements per fetched delivery and refuses foreign ids', async () => {
    const once = await run(byId('R-02'), {}, (axis) => earlierDelivery(axis));
    expect(once.result).toBe('pass');
    const twice = await run(byId('R-02'), {}, async (axis) => {
      await earlierDelivery(axis);
      axis.record({ operation: 'updateStatus', caller: SUT, agencies: [SUT], headers: { docId: axis.port.journal.snapshot().find((e) => e.operation === 'getEdoc')!.headers.docId, status: 'done' } });
    });
    expect(twice.result).toBe('fail');
    expect(twice.observed?.en).toContain(': 2');
    const foreign = await run(byId('R-02'), {}, async (axis) => {
      axis.record({ operation: 'getEdoc', caller: SUT, agencies: [SUT], headers: { docId: 'not-mine' }, outcome: { status: 'FAIL', errorCode: '30', errorDesc: 'Khong tim thay van ban' } });
    });
    expect(foreign.result).toBe('fail');
    expect(foreign.observed?.en).toContain('not-mine');
  });

  it('R-03 wants a 01 with a matching ResponseFor for each document not rejected', async () => {
    expect((await run(byId('R-03'), {}, (axis) => earlierDelivery(axis))).result).toBe('pass');
    const none = await run(byId('R-03'), { answers: () => [{ statusCode: '03' }] }, (axis) => earlierDelivery(axis));
    expect(none.result).toBe('fail');
    expect(none.observed?.en).toContain('01 ∅');
    const wrongDate = await run(byId('R-03'), { responseFor: (p) => ({ ...responseForDocument(p), promulgationDate: '2020/01/01' }) }, (axis) => earlierDelivery(axis));
    expect(wrongDate.result).toBe('fail');
    expect(wrongDate.observed?.en).toContain('PromulgationDate=2020/01/01');
    // Only documents designed to be rejected are out of scope: a valid one answered 02 owes its 01.
    const rejected = await run(byId('R-03'), { answers: () => [{ statusCode: '02', description: 'Sai' }] }, (axis) => earlierDelivery(axis));
    expect(rejected.result).toBe('fail');
    const byDesign = issueCaseDocument('000.09.09.G99', '9001', 'KHAC-TRUC', { designedToBeRejected: true });
    const designed = await run(byId('R-03'), { answers: () => [{ statusCode: '02', description: 'Sai' }] }, (axis) => earlierDelivery(axis, byDesign.codeNumber));
    expect(designed.result).toBe('pass');
  });

  it('R-04 passes 01 then 03 for the signed PDF, DOCX and ZIP; fails a rejection', async () => {
    expect((await run(byId('R-04'))).result).toBe('pass');
    const rejected = await run(byId('R-04'), { answers: () => [{ statusCode: '01' }, { statusCode: '02', description: 'Khong doc duoc DOCX' }] });
    expect(rejected.result).toBe('fail');
    expect(rejected.observed?.en).toContain('Khong doc duoc DOCX');
    const no01 = await run(byId('R-04'), { answers: () => [{ statusCode: '03' }] });
    expect(no01.result).toBe('fail');
  });

  it('R-05 fails a notation that comes back decomposed (NFD)', async () => {
    expect((await run(byId('R-05'))).result).toBe('pass');
    const nfd = await run(byId('R-05'), { responseFor: (p) => ({ ...responseForDocument(p), code: responseForDocument(p).code?.normalize('NFD') }) });
    expect(nfd.result).toBe('fail');
    expect(nfd.observed?.en).toContain('NFD');
  });

  it('R-06 wants exactly one 01 and one 03 from the system', async () => {
    expect((await run(byId('R-06'))).result).toBe('pass');
    const doubled = await run(byId('R-06'), { answers: () => [{ statusCode: '01' }, { statusCode: '01' }, { statusCode: '03' }] });
    expect(doubled.result).toBe('fail');
    expect(doubled.observed?.en).toContain('2 statuses 01');
  });

  it('R-07 acknowledges both deliveries but registers once', async () => {
    expect((await run(byId('R-07'))).result).toBe('pass');
    const again = await run(byId('R-07'), { answerAgain: true });
    expect(again.result).toBe('fail');
    expect(again.expected?.en).toContain('At most one 01');
  });

  it('R-08 wants 02 with a reason for the corrupt PDF and the undecodable attachment, an ack for garbage, and the next document answered', async () => {
    expect((await run(byId('R-08'))).result).toBe('pass');
    const accepts = await run(byId('R-08'), { answers: () => [{ statusCode: '01' }, { statusCode: '03' }] });
    expect(accepts.result).toBe('fail');
    expect(accepts.observed?.en).toContain('accepted the document');
    const stuck = await run(byId('R-08'), { ack: (p) => (p ? 'done' : 'none') });
    expect(stuck.result).toBe('fail');
    expect(stuck.expected?.en).toContain('(b)');
  });

  it('R-09 wants 02 with a reason for a document not addressed to the system', async () => {
    expect((await run(byId('R-09'))).result).toBe('pass');
    const silent = await run(byId('R-09'), { answers: (p) => (correctBehaviour().answers(p)[0].statusCode === '02' ? [{ statusCode: '02' }] : []) });
    expect(silent.result).toBe('fail');
    expect(silent.observed?.en).toContain('02 without a reason');
  });

  it('R-10 (recommended) warns when the large document gets no 01', async () => {
    const small = largeDocumentCase(64 * 1024);
    expect((await run(small)).result).toBe('pass');
    expect((await run(small, { answers: () => [] })).result).toBe('warn');
  });

  it('R-11 wants status packets fetched and acknowledged', async () => {
    expect((await run(byId('R-11'))).result).toBe('pass');
    expect((await run(byId('R-11'), { ack: (p) => (p?.kind === 'status' ? 'none' : 'done') })).result).toBe('fail');
  });
});

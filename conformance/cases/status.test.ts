import { describe, expect, it } from 'vitest';
import { buildPacket } from '../../edxml/build.ts';
import { composeEdoc, composeStatus, responseForDocument } from '../../edxml/compose.ts';
import { vietnamDate, vietnamTimestamp } from '../../edxml/dates.ts';
import type { EdocInput } from '../../edxml/compose.ts';
import type { CaseDefinition } from '../case.ts';
import { answeringSut, correctBehaviour, type AnsweringBehaviour } from '../testing/answering-sut.ts';
import { createFakeAxis, runCase, SUT, type ScriptedSut } from '../testing/scripted-sut.ts';
import { statusCases } from './status.ts';

type Axis = ReturnType<typeof createFakeAxis>;
const byId = (id: string): CaseDefinition => statusCases.find((c) => c.id === id)!;
const ISSUER = '000.09.09.G99';

const ticks = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** A document from ISSUER to the SUT, delivered before the case runs. */
async function deliverDocument(axis: Axis, extra: Partial<EdocInput> = {}, number = '77'): Promise<void> {
  const bytes = buildPacket(
    composeEdoc({ from: ISSUER, to: [SUT], codeNumber: number, codeNotation: 'ST-TRUC', promulgationDate: vietnamDate(new Date()), subject: 'Văn bản', ...extra }),
  );
  await axis.port.inject({ from: ISSUER, bytes, messageType: 'edoc' });
  await ticks();
}

async function run(id: string, behaviour: Partial<AnsweringBehaviour>, before: (axis: Axis, sut: ScriptedSut) => Promise<unknown>) {
  const axis = createFakeAxis();
  const sut = answeringSut(axis, behaviour);
  await before(axis, sut);
  return (await runCase(byId(id), { axis })).outcome;
}

const responseFor = { organId: ISSUER, code: '77/ST-TRUC', promulgationDate: '2026/01/02', documentId: `${ISSUER},2026/01/02,77/ST-TRUC` };

describe('status cases', () => {
  it('ST-01 fails a status packet without StaffInfo or without ResponseFor/Code', async () => {
    expect((await run('ST-01', {}, (axis) => deliverDocument(axis))).result).toBe('pass');
    const noStaff = await run('ST-01', {}, (_axis, sut) =>
      sut.send(buildPacket(composeStatus({ from: SUT, responseFor, statusCode: '01', timestamp: vietnamTimestamp(new Date()) }))),
    );
    expect(noStaff.result).toBe('fail');
    expect(noStaff.observed?.en).toContain('StaffInfo');
    const noCode = await run('ST-01', {}, (_axis, sut) => sut.sendStatus({ ...responseFor, code: undefined }, '01'));
    expect(noCode.result).toBe('fail');
    expect(noCode.observed?.en).toContain('ResponseFor/Code');
  });

  it('ST-01, ST-02, ST-03, ST-05 and ST-06 end skip when the system sent no status to judge', async () => {
    for (const id of ['ST-01', 'ST-02', 'ST-03', 'ST-05', 'ST-06']) {
      const outcome = await run(id, { answers: () => [] }, (axis) => deliverDocument(axis));
      expect(outcome.result, id).toBe('skip');
    }
  });

  it('ST-02 fails an unknown code and warns on an unpadded one', async () => {
    expect((await run('ST-02', {}, (_axis, sut) => sut.sendStatus(responseFor, '05'))).result).toBe('pass');
    const unknown = await run('ST-02', {}, (_axis, sut) => sut.sendStatus(responseFor, '99'));
    expect(unknown.result).toBe('fail');
    expect(unknown.observed?.en).toContain('EDXML-STATUS-002');
    const short = await run('ST-02', {}, (_axis, sut) => sut.sendStatus(responseFor, '1'));
    expect(short.result).toBe('warn');
    expect(short.observed?.en).toContain('EDXML-STATUS-001');
  });

  it('ST-03 counts a violation made outside fault windows even when the track later enters one, not one made inside', async () => {
    const statuses = async (sut: ScriptedSut, codes: string[], faulted: number) => {
      for (const [i, code] of codes.entries()) {
        const entry = await sut.sendStatus(responseFor, code);
        if (i === faulted) entry.fault = 'fail';
      }
    };
    const repeatedBeforeFault = await run('ST-03', {}, (_axis, sut) => statuses(sut, ['01', '03', '04', '04', '05', '06'], 5));
    expect(repeatedBeforeFault.result).toBe('fail');
    expect(repeatedBeforeFault.observed?.en).toContain('EDXML-STATUS-003');
    const repeatedInFault = await run('ST-03', {}, (_axis, sut) => statuses(sut, ['01', '03', '04', '04', '05', '06'], 3));
    expect(repeatedInFault.result).toBe('pass');
  });

  it('ST-03 judges each document’s track, business answers against the requests received', async () => {
    expect((await run('ST-03', {}, (axis) => deliverDocument(axis))).result).toBe('pass');
    const skipped = await run('ST-03', { answers: () => [{ statusCode: '03' }] }, (axis) => deliverDocument(axis));
    expect(skipped.result).toBe('fail');
    expect(skipped.observed?.en).toContain('EDXML-STATUS-003');
    const afterEnd = await run('ST-03', { answers: () => [{ statusCode: '02', description: 'Sai' }, { statusCode: '03' }] }, (axis) => deliverDocument(axis));
    expect(afterEnd.result).toBe('fail');
    expect(afterEnd.observed?.en).toContain('EDXML-STATUS-004');
    const business = (answer: string) =>
      run('ST-03', { answers: (p) => (p.business ? [{ statusCode: answer }] : correctBehaviour().answers(p)) }, async (axis) => {
        await deliverDocument(axis);
        await deliverDocument(axis, { business: { bussinessDocType: '1', documentId: `${ISSUER},${vietnamDate(new Date())},77/ST-TRUC` } }, '78');
      });
    expect((await business('15')).result).toBe('pass');
    expect((await business('03')).result).toBe('fail');
  });

  it('ST-04 fails a 01 later than the deadline, and a missing one', async () => {
    expect((await run('ST-04', {}, (axis) => deliverDocument(axis))).result).toBe('pass');
    const missing = await run('ST-04', { answers: () => [] }, (axis) => deliverDocument(axis));
    expect(missing.result).toBe('fail');
    expect(missing.observed?.en).toContain('01 ∅');
    const late = await run('ST-04', { answers: () => [] }, async (axis) => {
      await deliverDocument(axis);
      const injection = axis.port.journal.snapshot().find((e) => e.operation === 'control:inject')!;
      const today = vietnamDate(new Date());
      const answered = { organId: ISSUER, code: '77/ST-TRUC', promulgationDate: today, documentId: `${ISSUER},${today},77/ST-TRUC` };
      const bytes = buildPacket(composeStatus({ from: SUT, responseFor: answered, statusCode: '01', timestamp: vietnamTimestamp(new Date()), staffInfo: { staff: 'A' } }));
      axis.record({ operation: 'sendEdoc', caller: SUT, agencies: [SUT, ISSUER], time: new Date(injection.time.getTime() + 2_000), bodyExcerpt: bytes, bodyLength: bytes.byteLength });
    });
    expect(late.result).toBe('fail');
    expect(late.observed?.en).toMatch(/: 2\.0 s/);
  });

  it('ST-05 fails a 02 without a reason', async () => {
    expect((await run('ST-05', {}, (_axis, sut) => sut.sendStatus(responseFor, '02', 'Sai địa chỉ'))).result).toBe('pass');
    const bare = await run('ST-05', {}, (_axis, sut) => sut.sendStatus(responseFor, '02', '  '));
    expect(bare.result).toBe('fail');
    expect(bare.observed?.en).toContain('02 without a reason');
  });

  it('ST-06 fails a status addressed to someone other than the issuer', async () => {
    expect((await run('ST-06', {}, (axis) => deliverDocument(axis))).result).toBe('pass');
    const self = await run('ST-06', { responseFor: (p) => ({ ...responseForDocument(p), organId: SUT }) }, (axis) => deliverDocument(axis));
    expect(self.result).toBe('fail');
    expect(self.observed?.en).toContain(`→ ${SUT}`);
    const qd20 = await run('ST-06', { responseFor: (p) => ({ ...responseForDocument(p), organId: 'G99.09.09' }) }, (axis) => deliverDocument(axis));
    expect(qd20.result).toBe('pass');
  });
});

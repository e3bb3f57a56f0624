import { describe, expect, it } from 'vitest';
import type { CaseDefinition } from '../case.ts';
import type { TriggerJson } from '../drivers/trigger.ts';
import { answeringSut, correctBehaviour, type AnsweringBehaviour } from '../testing/answering-sut.ts';
import { createFakeAxis, runCase, SUT, testRunPki, type ScriptedSut } from '../testing/scripted-sut.ts';
import { identifierCases } from './identifiers.ts';
import { ABSENT_AGENCY_CODE, qd20FormOf, sameOrgan } from './support/agencies.ts';

type Axis = ReturnType<typeof createFakeAxis>;
const byId = (id: string): CaseDefinition => identifierCases.find((c) => c.id === id)!;
// I-04's documents carry a PDF signed by their issuer, as every ordinary document.
const pki = testRunPki();

async function run(
  id: string,
  options: { behaviour?: Partial<AnsweringBehaviour>; before?: (axis: Axis, sut: ScriptedSut) => unknown; onTrigger?: (sut: ScriptedSut, t: TriggerJson) => unknown } = {},
) {
  const axis = createFakeAxis();
  const sut = answeringSut(axis, options.behaviour);
  await options.before?.(axis, sut);
  return (await runCase(byId(id), { axis, pki, onTrigger: (t) => options.onTrigger?.(sut, t) as Promise<void> })).outcome;
}

const letter = { to: ['000.01.01.G99'], codeNumber: '12', codeNotation: 'UBND-VP' };

describe('reserved-range code forms', () => {
  it('maps 000.LL.KK.G99 to G99.KK.LL and compares both forms as one agency', () => {
    expect(qd20FormOf('000.03.02.G99')).toBe('G99.02.03');
    expect(qd20FormOf('000.00.00.G22')).toBeUndefined();
    expect(sameOrgan('G99.02.03', '000.03.02.G99')).toBe(true);
    expect(sameOrgan('G99.03.02', '000.03.02.G99')).toBe(false);
    expect(sameOrgan('G22', '000.00.00.G22')).toBe(true);
  });
});

describe('identifier cases', () => {
  it('I-01 fails an invalid code the SUT writes and warns on an invalid trace code', async () => {
    expect((await run('I-01', { before: (_a, sut) => sut.sendEdoc(letter) })).result).toBe('pass');
    const invalid = await run('I-01', { before: (_a, sut) => sut.sendEdoc({ ...letter, to: ['28.22.H17'] }) });
    expect(invalid.result).toBe('fail');
    expect(invalid.observed?.en).toContain('EDXML-ID-001');
    const trace = await run('I-01', { before: (_a, sut) => sut.sendEdoc({ ...letter, traceHeaders: [{ organId: 'vxp.saas.02', timestamp: '2026/01/01 08:00:00' }] }) });
    expect(trace.result).toBe('warn');
  });

  it('I-01 and I-02 end skip when the system sent no packet', async () => {
    for (const id of ['I-01', 'I-02']) expect((await run(id)).result, id).toBe('skip');
  });

  it('I-02 fails when the axis refuses the packet’s From as not the caller’s', async () => {
    expect((await run('I-02', { before: (_a, sut) => sut.sendEdoc(letter) })).result).toBe('pass');
    const foreign = await run('I-02', {
      before: async (_a, sut) => {
        // The axis refuses: the journal keeps the packet and the FAIL reply naming the From.
        const entry = await sut.sendEdoc({ ...letter, from: '000.00.00.G22' });
        entry.outcome = { status: 'FAIL', errorCode: '22', errorDesc: 'Don vi gui khong khop voi he thong goi: 000.00.00.G22' };
      },
    });
    expect(foreign.result).toBe('fail');
    expect(foreign.observed?.en).toContain('000.00.00.G22');
  });

  it('I-03 (recommended) warns when the directory is never read', async () => {
    expect((await run('I-03', { before: (_a, sut) => sut.call('getAgenciesListQD20') })).result).toBe('pass');
    expect((await run('I-03', { before: (_a, sut) => sut.call('getAgenciesList', { outcome: { status: 'FAIL', errorCode: '2', errorDesc: 'x' } }) })).result).toBe('warn');
  });

  it('I-04 wants the QĐ 20 form answered like the QCVN 102 form', async () => {
    expect((await run('I-04')).result).toBe('pass');
    const rejects = await run('I-04', {
      behaviour: {
        answers: (p) => (p.header.from?.organId?.startsWith('G99.') ? [{ statusCode: '02', description: 'Ma co quan khong hop le' }] : correctBehaviour().answers(p)),
      },
    });
    expect(rejects.result).toBe('fail');
    expect(rejects.observed?.en).toContain('QĐ 20: – –');
  });

  it('I-05 (recommended) warns when the SUT keeps retrying an unknown recipient', async () => {
    const attempts = (n: number) => (sut: ScriptedSut, t: TriggerJson) => {
      for (let i = 0; i < n; i++) {
        sut.call('sendEdoc', {
          agencies: [SUT, ...(t.to ?? [])],
          outcome: { status: 'FAIL', errorCode: '24', errorDesc: `Don vi nhan khong co trong danh ba: ${ABSENT_AGENCY_CODE}` },
        });
      }
    };
    expect((await run('I-05', { onTrigger: attempts(3) })).result).toBe('pass');
    const forever = await run('I-05', { onTrigger: attempts(4) });
    expect(forever.result).toBe('warn');
    expect(forever.observed?.en).toContain('4 attempts');
  });
});

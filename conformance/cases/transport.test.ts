import { describe, expect, it } from 'vitest';
import { buildPacket } from '../../edxml/build.ts';
import { composeEdoc, composeStatus } from '../../edxml/compose.ts';
import { vietnamDate, vietnamTimestamp } from '../../edxml/dates.ts';
import type { CaseDefinition } from '../case.ts';
import type { JournalEntry } from '../journal-view.ts';
import { createFakeAxis, runCase, SUT } from '../testing/scripted-sut.ts';
import { transportCases } from './transport.ts';

type Axis = ReturnType<typeof createFakeAxis>;
const byId = (id: string): CaseDefinition => transportCases.find((c) => c.id === id)!;

async function run(id: string, traffic: (axis: Axis) => void) {
  const axis = createFakeAxis();
  traffic(axis);
  return (await runCase(byId(id), { axis })).outcome;
}

/** An authenticated call of the SUT, as the journal records it. */
const call = (axis: Axis, operation: string, partial: Partial<JournalEntry> = {}) =>
  axis.record({ operation, caller: SUT, agencies: [SUT], hmacReading: 'raw', ...partial });

const edoc = (from = SUT) =>
  buildPacket(composeEdoc({ from, to: ['000.01.01.G99'], codeNumber: '5', codeNotation: 'UBND-VP', promulgationDate: vietnamDate(new Date()), subject: 'Công văn' }));
const status = () =>
  buildPacket(
    composeStatus({
      from: SUT,
      responseFor: { organId: '000.01.01.G99', code: '1/X', promulgationDate: vietnamDate(new Date()), documentId: '000.01.01.G99,2026/01/01,1/X' },
      statusCode: '01',
      timestamp: vietnamTimestamp(new Date()),
    }),
  );

/** A sendEdoc of the SUT with its body, as the journal keeps it. */
const send = (axis: Axis, bytes: Uint8Array, partial: Partial<JournalEntry> = {}) =>
  call(axis, 'sendEdoc', { bodyExcerpt: bytes, bodyLength: bytes.byteLength, ...partial });

describe('transport cases', () => {
  it('T-01 passes authenticated calls and fails a bad HMAC or no traffic at all', async () => {
    expect((await run('T-01', (axis) => call(axis, 'getReceivedEdocList'))).result).toBe('pass');
    const bad = await run('T-01', (axis) => {
      call(axis, 'getReceivedEdocList');
      axis.record({ operation: 'getEdoc', caller: SUT, agencies: [SUT], outcome: { status: 'FAIL', errorCode: '2', errorDesc: 'Chu ky HMAC khong hop le' } });
    });
    expect(bad.result).toBe('fail');
    expect(bad.observed?.en).toContain('getEdoc FAIL 2');
    expect((await run('T-01', () => undefined)).result).toBe('fail');
  });

  it('T-02 fails a sender mismatch and a from header naming another agency', async () => {
    expect((await run('T-02', (axis) => send(axis, edoc(), { headers: { from: SUT, messagetype: 'edoc' } }))).result).toBe('pass');
    const refused = await run('T-02', (axis) => send(axis, edoc('000.00.00.G22'), { outcome: { status: 'FAIL', errorCode: '22', errorDesc: 'x: 000.00.00.G22' } }));
    expect(refused.result).toBe('fail');
    const header = await run('T-02', (axis) => send(axis, edoc(), { headers: { from: '000.00.00.G22' } }));
    expect(header.result).toBe('fail');
  });

  it('T-02..T-05 end skip, not a vacuous pass, when the system sent nothing to judge', async () => {
    for (const id of ['T-02', 'T-03', 'T-04']) {
      const outcome = await run(id, (axis) => call(axis, 'getReceivedEdocList'));
      expect(outcome.result, id).toBe('skip');
      expect(outcome.message?.en, id).toContain('Nothing to judge');
    }
    expect((await run('T-05', () => undefined)).result).toBe('skip');
  });

  it('T-03 fails a hash-file mismatch, refused or accepted by policy', async () => {
    expect((await run('T-03', (axis) => send(axis, edoc()))).result).toBe('pass');
    expect((await run('T-03', (axis) => send(axis, edoc(), { outcome: { status: 'FAIL', errorCode: '25', errorDesc: 'x' } }))).result).toBe('fail');
    const accepted = await run('T-03', (axis) =>
      send(axis, edoc(), { findings: [{ rule: 'AXIS-HASH-001', level: 'error', category: 'structure', path: 'hash-file', message: { vi: 'x', en: 'x' }, cite: 'x' }] }),
    );
    expect(accepted.result).toBe('fail');
  });

  it('T-04 fails a messagetype that contradicts the packet', async () => {
    expect((await run('T-04', (axis) => send(axis, status(), { headers: { messagetype: 'status' } }))).result).toBe('pass');
    expect((await run('T-04', (axis) => send(axis, status(), { outcome: { status: 'FAIL', errorCode: '26', errorDesc: 'x' } }))).result).toBe('fail');
    expect((await run('T-04', (axis) => send(axis, status(), { headers: { messagetype: 'edoc' } }))).result).toBe('fail');
  });

  it('T-05 fails when the secret was seen in a request', async () => {
    expect((await run('T-05', (axis) => call(axis, 'countReceiveEdoc'))).result).toBe('pass');
    const leak = await run('T-05', (axis) => call(axis, 'countReceiveEdoc', { secretSeen: true }));
    expect(leak.result).toBe('fail');
    expect(leak.observed?.en).toContain('countReceiveEdoc');
  });

  it('T-06 (recommended) warns on a polling gap longer than the deadline and on a burst', async () => {
    expect((await run('T-06', (axis) => call(axis, 'countReceiveEdoc'))).result).toBe('pass');
    const gap = await run('T-06', (axis) => {
      const t0 = Date.now() - 5_000;
      call(axis, 'getAgenciesList', { time: new Date(t0) });
      call(axis, 'getReceivedEdocList', { time: new Date(t0 + 100) });
      call(axis, 'getReceivedEdocList', { time: new Date(t0 + 3_000) });
    });
    expect(gap.result).toBe('warn');
    expect(gap.observed?.en).toContain('without polling');
    const burst = await run('T-06', (axis) => {
      for (let i = 0; i < 11; i++) call(axis, 'countReceiveStatus');
    });
    expect(burst.result).toBe('warn');
    expect(burst.observed?.en).toContain('11 polls');
    expect((await run('T-06', (axis) => call(axis, 'getEdoc'))).result).toBe('warn');
  });
});

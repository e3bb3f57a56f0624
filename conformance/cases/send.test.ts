import { describe, expect, it } from 'vitest';
import { buildPacket } from '../../edxml/build.ts';
import { composeEdoc } from '../../edxml/compose.ts';
import { vietnamDate, vietnamTimestamp } from '../../edxml/dates.ts';
import type { CaseDefinition } from '../case.ts';
import type { TriggerJson } from '../drivers/trigger.ts';
import { createFakeAxis, runCase, scriptedSut, SUT, type ScriptedSut } from '../testing/scripted-sut.ts';
import { sendCases } from './send.ts';
import { pdfAttachment } from './support/counterparts/build.ts';

const byId = (id: string): CaseDefinition => sendCases.find((c) => c.id === id)!;

/** The triggered document as a correct SUT writes it. */
const correct = (t: TriggerJson) => ({
  to: t.to ?? [],
  codeNumber: t.document!.codeNumber,
  codeNotation: t.document!.codeNotation,
  subject: t.document!.subject,
  attachments: [pdfAttachment('cong-van.pdf')],
});

async function run(id: string, play: (sut: ScriptedSut, trigger: TriggerJson) => unknown | Promise<unknown>) {
  const axis = createFakeAxis();
  const sut = scriptedSut(axis);
  return (await runCase(byId(id), { axis, onTrigger: (t) => play(sut, t) as Promise<void> })).outcome;
}

describe('send cases', () => {
  it('S-01 passes a well-formed packet and fails when the axis never accepts one', async () => {
    expect((await run('S-01', (sut, t) => sut.sendEdoc(correct(t)))).result).toBe('pass');
    const refused = await run('S-01', (sut) =>
      sut.call('sendEdoc', { outcome: { status: 'FAIL', errorCode: 'MALFORMED_PACKET', errorDesc: 'EDXML-XML-003' } }),
    );
    expect(refused.result).toBe('fail');
  });

  it('S-02 fails a future PromulgationDate (a validator error)', async () => {
    expect((await run('S-02', (sut, t) => sut.sendEdoc(correct(t)))).result).toBe('pass');
    const future = await run('S-02', (sut, t) => sut.sendEdoc({ ...correct(t), promulgationDate: '2099/01/01' }));
    expect(future.result).toBe('fail');
    expect(future.observed?.en).toContain('EDXML-DATE-002');
  });

  it('S-03 warns on a DocumentId inconsistent with the other fields', async () => {
    expect((await run('S-03', (sut, t) => sut.sendEdoc(correct(t)))).result).toBe('pass');
    const wrong = await run('S-03', (sut, t) => sut.sendEdoc({ ...correct(t), documentId: `${SUT},2020/01/01,1/X` }));
    expect(wrong.result).toBe('warn');
    expect(wrong.observed?.en).toContain('EDXML-STRUCT-006');
  });

  it('S-04 fails a manifest entry without its payload', async () => {
    expect((await run('S-04', (sut, t) => sut.sendEdoc(correct(t)))).result).toBe('pass');
    const missing = await run('S-04', (sut, t) => {
      const packet = composeEdoc({ from: SUT, promulgationDate: vietnamDate(new Date()), ...correct(t) });
      return sut.send(buildPacket({ ...packet, attachments: [] }));
    });
    expect(missing.result).toBe('fail');
    expect(missing.observed?.en).toContain('EDXML-ATT-001');
  });

  it('S-05 warns when the sender’s TraceHeader is missing or stale', async () => {
    expect((await run('S-05', (sut, t) => sut.sendEdoc(correct(t)))).result).toBe('pass');
    const stale = await run('S-05', (sut, t) => sut.sendEdoc({ ...correct(t), traceHeaders: [{ organId: SUT, timestamp: '2020/01/01 08:00:00' }] }));
    expect(stale.result).toBe('warn');
    const foreign = await run('S-05', (sut, t) =>
      sut.sendEdoc({ ...correct(t), traceHeaders: [{ organId: '000.00.00.G22', timestamp: vietnamTimestamp(new Date()) }] }),
    );
    expect(foreign.result).toBe('warn');
    expect(foreign.observed?.en).toContain('No TraceHeader of');
  });

  it('S-06 passes one packet for all recipients and fails one packet per recipient', async () => {
    expect((await run('S-06', (sut, t) => sut.sendEdoc(correct(t)))).result).toBe('pass');
    const split = await run('S-06', async (sut, t) => {
      for (const code of t.to ?? []) await sut.sendEdoc({ ...correct(t), to: [code] });
    });
    expect(split.result).toBe('fail');
    expect(split.observed?.en).toMatch(/lacks the recipients/);
  });

  it('S-06 fails a second packet for the same document, judged after the settle window', async () => {
    const twice = await run('S-06', async (sut, t) => {
      await sut.sendEdoc(correct(t));
      await sut.sendEdoc(correct(t));
    });
    expect(twice.result).toBe('fail');
    expect(twice.observed?.en).toContain('sent 2 packets');
  });

  it('S-07 passes when every returning status is fetched and acknowledged, fails when statuses are ignored', async () => {
    const play = (ignoreStatuses: boolean) => {
      const axis = createFakeAxis();
      const sut = scriptedSut(axis);
      axis.onInject = (request, injection) => {
        if (request.messageType === 'status' && !ignoreStatuses) setImmediate(() => sut.handle(injection.receiverIds![0]));
      };
      return runCase(byId('S-07'), { axis, onTrigger: (t) => void sut.sendEdoc(correct(t)) });
    };
    const good = await play(false);
    expect(good.outcome.result).toBe('pass');
    expect(good.record.journal.filter((e) => e.operation === 'control:inject')).toHaveLength(6);
    const ignoring = await play(true);
    expect(ignoring.outcome.result).toBe('fail');
    expect(ignoring.outcome.expected?.en).toContain('status 01');
  });

  it('S-08 warns when getSentEdocList names a packet the SUT did not send', async () => {
    const own = await run('S-08', async (sut, t) => {
      const sent = await sut.sendEdoc(correct(t));
      sut.call('getSentEdocList', { headers: { docId: sent.senderId! }, senderId: sent.senderId });
    });
    expect(own.result).toBe('pass');
    expect(own.message.en).toContain('1 getSentEdocList calls');
    const foreign = await run('S-08', async (sut, t) => {
      await sut.sendEdoc(correct(t));
      sut.call('getSentEdocList', { headers: { docId: 'a'.repeat(24) }, senderId: 'a'.repeat(24) });
    });
    expect(foreign.result).toBe('warn');
    expect(foreign.observed?.en).toContain('a'.repeat(24));
  });
});

import { describe, expect, it } from 'vitest';
import { buildPacket } from '../../edxml/build.ts';
import { composeEdoc, responseForDocument } from '../../edxml/compose.ts';
import { vietnamDate } from '../../edxml/dates.ts';
import { parsePacket } from '../../edxml/parse.ts';
import type { EdocPacket } from '../../edxml/types.ts';
import type { CaseDefinition } from '../case.ts';
import type { TriggerJson } from '../drivers/trigger.ts';
import { createFakeAxis, runCase, scriptedSut, SUT, testRunPki, type ScriptedSut } from '../testing/scripted-sut.ts';

import { resilienceCases } from './resilience.ts';

// F-05's document carries a PDF signed by its issuer, as every ordinary document.
const pki = testRunPki();

const byId = (id: string): CaseDefinition => resilienceCases.find((c) => c.id === id)!;

const FAULTED = { outcome: { status: 'FAIL' as const, errorCode: '99', errorDesc: 'fault' }, fault: 'fail' };

interface Script {
  /** The SUT's reaction to a trigger. */
  onTrigger?: (sut: ScriptedSut, t: TriggerJson) => Promise<unknown> | void;
  /** The SUT's reaction to a document delivered to it. */
  onDocument?: (sut: ScriptedSut, receiverId: string, packet: EdocPacket) => Promise<unknown> | void;
}

async function play(id: string, script: Script) {
  const axis = createFakeAxis();
  const sut = scriptedSut(axis);
  axis.onInject = (request, injection) => {
    const packet = parsePacket(request.bytes).packet;
    if (packet?.kind === 'edoc') setImmediate(() => void script.onDocument?.(sut, injection.receiverIds![0], packet));
  };
  const { outcome } = await runCase(byId(id), { axis, pki, onTrigger: (t) => script.onTrigger?.(sut, t) as Promise<void> });
  return { outcome, axis };
}

/** The SUT's send of the triggered document, refused by the injected fault (the journal keeps its body). */
function faultedSend(sut: ScriptedSut, t: TriggerJson) {
  const bytes = buildPacket(composeEdoc({ from: SUT, to: t.to!, codeNumber: t.document!.codeNumber, codeNotation: t.document!.codeNotation, promulgationDate: vietnamDate(new Date()), subject: 'x' }));
  return sut.call('sendEdoc', { ...FAULTED, bodyExcerpt: bytes, bodyLength: bytes.byteLength });
}

const sendDoc = (sut: ScriptedSut, t: TriggerJson) =>
  sut.sendEdoc({ to: t.to!, codeNumber: t.document!.codeNumber, codeNotation: t.document!.codeNotation });

/** Handles a document as a correct SUT does: fetch, ack, 01, 03. */
async function register(sut: ScriptedSut, receiverId: string, packet: EdocPacket) {
  sut.handle(receiverId);
  await sut.sendStatus(responseForDocument(packet), '01');
  await sut.sendStatus(responseForDocument(packet), '03');
}

describe('resilience cases', () => {
  it('F-01 passes a retry after the FAIL and sets the fault on the SUT only', async () => {
    const { outcome, axis } = await play('F-01', {
      onTrigger: async (sut, t) => {
        faultedSend(sut, t);
        await sendDoc(sut, t);
      },
    });
    expect(outcome.result).toBe('pass');
    expect(axis.faults[0].spec).toMatchObject({ kind: 'fail', operations: ['sendEdoc'], count: 1, agencies: ['000.00.00.H41'] });
  });

  it('F-01 cannot judge (error) when another call of the SUT met the fault and its send went through untouched', async () => {
    const elsewhere = await play('F-01', {
      onTrigger: async (sut, t) => {
        sut.call('sendEdoc', FAULTED);
        await sendDoc(sut, t);
      },
    });
    expect(elsewhere.outcome.result).toBe('error');
    expect(elsewhere.outcome.message.en).toContain('retry path was not exercised');
  });

  it('F-01 fails without a retry, and fails a duplicate stored after the fault', async () => {
    expect((await play('F-01', { onTrigger: (sut, t) => void faultedSend(sut, t) })).outcome.result).toBe('fail');
    const duplicate = await play('F-01', {
      onTrigger: async (sut, t) => {
        faultedSend(sut, t);
        await sendDoc(sut, t);
        await sendDoc(sut, t);
      },
    });
    expect(duplicate.outcome.result).toBe('fail');
    expect(duplicate.outcome.observed?.en).toContain('stored 2 packets');
  });

  it('F-02 passes a fetch retried after the drop and fails when the SUT gives up', async () => {
    const retried = await play('F-02', {
      onDocument: (sut, receiverId) => {
        sut.call('getEdoc', { ...FAULTED, fault: 'drop', httpStatus: 0, headers: { docId: receiverId } });
        sut.handle(receiverId);
      },
    });
    expect(retried.outcome.result).toBe('pass');
    const gaveUp = await play('F-02', {
      onDocument: (sut, receiverId) => void sut.call('getEdoc', { ...FAULTED, fault: 'drop', httpStatus: 0, headers: { docId: receiverId } }),
    });
    expect(gaveUp.outcome.result).toBe('fail');
  });

  it('F-03 passes a retried ack and fails a second 01 after it', async () => {
    const failedAck = (sut: ScriptedSut, receiverId: string) =>
      sut.call('updateStatus', { ...FAULTED, headers: { docId: receiverId, status: 'done' } });
    const once = await play('F-03', {
      onDocument: async (sut, receiverId, packet) => {
        failedAck(sut, receiverId);
        await register(sut, receiverId, packet);
      },
    });
    expect(once.outcome.result).toBe('pass');
    const twice = await play('F-03', {
      onDocument: async (sut, receiverId, packet) => {
        failedAck(sut, receiverId);
        await sut.sendStatus(responseForDocument(packet), '01');
        await register(sut, receiverId, packet);
      },
    });
    expect(twice.outcome.result).toBe('fail');
    expect(twice.outcome.observed?.en).toContain('2 statuses 01');
    const never = await play('F-03', { onDocument: (sut, receiverId) => void failedAck(sut, receiverId) });
    expect(never.outcome.result).toBe('fail');
  });

  it('F-04 passes when both directions recover after the silence, fails when the received document is never answered', async () => {
    const recovered = await play('F-04', { onTrigger: sendDoc, onDocument: register });
    expect(recovered.outcome.result).toBe('pass');
    expect(recovered.axis.faults[0].spec.kind).toBe('silence');
    const deaf = await play('F-04', { onTrigger: sendDoc });
    expect(deaf.outcome.result).toBe('fail');
    expect(deaf.outcome.expected?.en).toContain('answered 01');
  });

  it('F-05 passes when the flows complete under latency and warns (recommended) when they do not', async () => {
    const ok = await play('F-05', { onTrigger: sendDoc, onDocument: register });
    expect(ok.outcome.result).toBe('pass');
    expect(ok.axis.faults[0]).toMatchObject({ spec: { kind: 'delay', delayMs: 1000 }, cleared: true });
    const gaveUp = await play('F-05', { onDocument: register });
    expect(gaveUp.outcome.result).toBe('warn');
  });
});

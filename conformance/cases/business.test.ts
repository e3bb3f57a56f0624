import { describe, expect, it } from 'vitest';
import { responseForDocument } from '../../edxml/compose.ts';
import { vietnamDate } from '../../edxml/dates.ts';
import { parsePacket } from '../../edxml/parse.ts';
import type { Business, EdocPacket, StatusPacket } from '../../edxml/types.ts';
import type { CaseDefinition } from '../case.ts';
import type { TriggerJson } from '../drivers/trigger.ts';
import { createFakeAxis, runCase, scriptedSut, type ScriptedSut } from '../testing/scripted-sut.ts';
import { businessCases } from './business.ts';

const byId = (id: string): CaseDefinition => businessCases.find((c) => c.id === id)!;

interface Receiving {
  /** What the SUT answers to a business packet (none: it ignores it). */
  business?: (sut: ScriptedSut, packet: EdocPacket) => Promise<unknown>;
  /** What the SUT answers to a 13. */
  takeBack?: (sut: ScriptedSut, packet: StatusPacket) => Promise<unknown>;
}

/** A SUT that handles documents (01, 03) and answers business requests as told. */
async function receiving(id: string, behaviour: Receiving) {
  const axis = createFakeAxis();
  const sut = scriptedSut(axis);
  axis.onInject = (request, injection) => {
    const packet = parsePacket(request.bytes).packet;
    setImmediate(async () => {
      sut.handle(injection.receiverIds![0]);
      if (packet?.kind === 'status' && packet.header.statusCode === '13') await behaviour.takeBack?.(sut, packet);
      if (packet?.kind !== 'edoc') return;
      const type = packet.business?.bussinessDocType;
      if (type && type !== '0') return behaviour.business?.(sut, packet);
      await sut.sendStatus(responseForDocument(packet), '01');
      await sut.sendStatus(responseForDocument(packet), '03');
    });
  };
  return (await runCase(byId(id), { axis })).outcome;
}

const agree = (sut: ScriptedSut, packet: EdocPacket) => sut.sendStatus(responseForDocument(packet), '15');

/** The 15 a recipient writes to a 13: the document it concerns, addressed to the issuer who asked. */
const agreeTakeBack = (sut: ScriptedSut, packet: StatusPacket) =>
  sut.sendStatus({ ...packet.header.responseFor, organId: packet.header.from?.organId }, '15');

describe('business cases', () => {
  it('B-01 passes a 15 to a revocation and fails when the revocation is ignored', async () => {
    const ok = await receiving('B-01', { business: agree });
    expect(ok.result).toBe('pass');
    expect(ok.message.en).toContain('answered 15');
    expect((await receiving('B-01', {})).result).toBe('fail');
  });

  it('B-01 does not take a 15 naming the revoked document instead of the revocation packet', async () => {
    const wrong = await receiving('B-01', {
      business: (sut, packet) =>
        sut.sendStatus({ ...responseForDocument(packet), documentId: packet.business?.documentId, code: '0/X' }, '15'),
    });
    expect(wrong.result).toBe('fail');
  });

  it('B-02 passes a 16 to an update of recipients', async () => {
    const refused = await receiving('B-02', { business: (sut, packet) => sut.sendStatus(responseForDocument(packet), '16') });
    expect(refused.result).toBe('pass');
    expect((await receiving('B-02', {})).result).toBe('fail');
  });

  it('B-03 fails a 04 for the replaced document after agreeing to the replacement', async () => {
    expect((await receiving('B-03', { business: agree })).result).toBe('pass');
    const still = await receiving('B-03', {
      business: async (sut, packet) => {
        await agree(sut, packet);
        const replaced = packet.business!.replacements[0].documentId!;
        const [from, date, code] = replaced.split(',');
        await sut.sendStatus({ organId: from, promulgationDate: date, code, documentId: replaced }, '04');
      },
    });
    expect(still.result).toBe('fail');
    expect(still.observed?.en).toMatch(/still sent 04/);
  });

  it('B-04 passes a 15 to a take-back request and fails when the 13 is ignored', async () => {
    expect((await receiving('B-04', { takeBack: agreeTakeBack })).result).toBe('pass');
    expect((await receiving('B-04', {})).result).toBe('fail');
  });

  it('B-05 passes correct revocation, update and replacement packets', async () => {
    expect((await sending('B-05', businessOf)).result).toBe('pass');
  });

  it('B-05 fails a business packet naming no document concerned', async () => {
    const missing = await sending('B-05', (t) => ({ ...businessOf(t), documentId: undefined }));
    expect(missing.result).toBe('fail');
    expect(missing.observed?.en).toContain('document concerned=');
  });

  it('B-05 passes the form of VNPT\'s samples: a revocation repeating the revoked header, no Bussiness/DocumentId on revocation and replacement', async () => {
    const sampleForm = await sending(
      'B-05',
      (t) => ({ ...businessOf(t), documentId: t.action === 'update' ? t.concerning! : undefined }),
      undefined,
      (t) => (t.action === 'revoke' ? t.concerning! : undefined),
    );
    expect(sampleForm.result).toBe('pass');
  });

  it('B-05 fails an update that forgets the removed recipient', async () => {
    const forgetful = await sending('B-05', (t) =>
      t.action === 'update'
        ? { ...businessOf(t), documentInfo: { documentInfo: '0', documentReceiver: '1', receivers: [{ organId: t.receivers!.added[0], receiverType: '1' }] } }
        : businessOf(t),
    );
    expect(forgetful.result).toBe('fail');
    expect(forgetful.observed?.en).toContain('ReceiverType 0');
  });

  it('B-06 passes a 13 to the recipient and fails one sent to the wrong agency', async () => {
    const takeBack = (organId: (t: TriggerJson) => string) => async (sut: ScriptedSut, t: TriggerJson) => {
      const [, date, code] = t.concerning!.split(',');
      await sut.sendStatus({ organId: organId(t), code, promulgationDate: date, documentId: t.concerning! }, '13');
    };
    expect((await sending('B-06', businessOf, takeBack((t) => t.to![0]))).result).toBe('pass');
    const misrouted = await sending('B-06', businessOf, takeBack(() => '000.00.00.G22'));
    expect(misrouted.result).toBe('fail');
    expect(misrouted.observed?.en).toContain('went to');
  });
});

const DOC_TYPE = { revoke: '1', update: '2', replace: '3' } as Record<string, string>;

/** The Bussiness section a correct SUT writes for a triggered change. */
function businessOf(t: TriggerJson): Partial<Business> & { bussinessDocType: string } {
  return {
    bussinessDocType: DOC_TYPE[t.action],
    documentId: t.concerning!,
    ...(t.action === 'update'
      ? {
          documentInfo: {
            documentInfo: '0',
            documentReceiver: '1',
            receivers: [
              ...t.receivers!.added.map((organId) => ({ organId, receiverType: '1' })),
              ...t.receivers!.removed.map((organId) => ({ organId, receiverType: '0' })),
            ],
          },
        }
      : {}),
    ...(t.action === 'replace' ? { replacements: [{ documentId: t.concerning!, organIds: t.to! }] } : {}),
  };
}

let numbers = 0;

/** A SUT that sends on trigger; changes carry the Bussiness section `business` writes. */
async function sending(
  id: string,
  business: (t: TriggerJson) => Partial<Business> & { bussinessDocType: string },
  takeBack?: (sut: ScriptedSut, t: TriggerJson) => Promise<void>,
  /** The DocumentId the changing packet's header carries (default: its own). */
  headerDocumentId?: (t: TriggerJson) => string | undefined,
) {
  const axis = createFakeAxis();
  const sut = scriptedSut(axis);
  return (
    await runCase(byId(id), {
      axis,
      onTrigger: async (t) => {
        if (t.action === 'take-back') return takeBack?.(sut, t);
        const doc = t.document ?? { codeNumber: String(900 + ++numbers), codeNotation: 'TB-HT', subject: 'Thay đổi' };
        const to = t.to ?? [...(t.receivers?.added ?? []), '000.00.00.G22'];
        await sut.sendEdoc({
          to,
          codeNumber: doc.codeNumber,
          codeNotation: doc.codeNotation,
          subject: doc.subject,
          promulgationDate: vietnamDate(new Date()),
          ...(t.action === 'send' ? {} : { business: business(t) }),
          ...(headerDocumentId?.(t) ? { documentId: headerDocumentId(t) } : {}),
        });
      },
    })
  ).outcome;
}


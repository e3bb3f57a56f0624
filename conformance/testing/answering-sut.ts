// A scripted SUT that answers what the suite delivers, for the receive / status / identifier cases'
// own tests: each injection is journaled as the simulator does (recipients in `agencies`, the body
// excerpt, DocumentId, messagetype), then the SUT lists, fetches, acknowledges and answers with
// status packets. Each behaviour is a hook, so a test swaps in exactly one defect.
import { responseForDocument } from '../../edxml/compose.ts';
import { parsePacket } from '../../edxml/parse.ts';
import type { EdocPacket, ResponseFor } from '../../edxml/types.ts';
import type { InjectRequest } from '../axis-port.ts';
import type { JournalEntry } from '../journal-view.ts';
import type { FakeAxis } from './fake-axis.ts';
import { scriptedSut, SUT, type ScriptedSut } from './scripted-sut.ts';

export interface Answer {
  statusCode: string;
  description?: string;
}

export interface AnsweringBehaviour {
  /** Transport acknowledgement of a delivery; `none` never acknowledges. */
  ack(packet: ReturnType<typeof parsePacket>['packet']): 'done' | 'fail' | 'none';
  /** The statuses sent for a received document, in order. */
  answers(packet: EdocPacket): Answer[];
  /** The ResponseFor written in those statuses. */
  responseFor(packet: EdocPacket): ResponseFor;
  /** Whether the document is answered at all (a second delivery of a registered one is not). */
  answerAgain: boolean;
}

const addressedToSut = (p: EdocPacket) => p.header.to.some((o) => o.organId === SUT);

export const correctBehaviour = (): AnsweringBehaviour => ({
  ack: (packet) => (packet ? 'done' : 'fail'),
  answers: (packet) => {
    const corrupt = packet.attachments.some((a) => Buffer.from(a.encoded, 'base64').toString('latin1').includes('cut short'));
    if (!addressedToSut(packet)) return [{ statusCode: '02', description: 'Van ban khong gui cho don vi' }];
    if (corrupt) return [{ statusCode: '01' }, { statusCode: '02', description: 'Tep PDF hong' }];
    if (packet.attachments.some((a) => !/^[A-Za-z0-9+/=\s]*$/.test(a.encoded))) return [{ statusCode: '01' }, { statusCode: '02', description: 'Tep dinh kem khong giai ma duoc' }];
    return [{ statusCode: '01' }, { statusCode: '03' }];
  },
  responseFor: (packet) => responseForDocument(packet),
  answerAgain: false,
});

/** The recipients the axis delivers an injection to: `deliverTo`, else the packet's own. */
function recipientsOf(request: InjectRequest): string[] {
  if (request.deliverTo) return request.deliverTo;
  const packet = parsePacket(request.bytes).packet;
  if (packet?.kind === 'edoc') return packet.header.to.map((o) => o.organId ?? '');
  return packet?.kind === 'status' ? [packet.header.responseFor?.organId ?? ''] : [];
}

/** The journal entry of an injection as the simulator's control API writes it. */
function injectionEntry(axis: FakeAxis, request: InjectRequest, senderId: string, recipients: readonly string[]): JournalEntry {
  const packet = parsePacket(request.bytes).packet;
  return axis.record({
    operation: 'control:inject',
    caller: request.from,
    agencies: [...new Set([request.from, ...recipients])],
    headers: { messagetype: request.messageType, servicetype: 'eDoc' },
    bodyExcerpt: request.bytes.slice(0, 64 * 1024),
    bodyLength: request.bytes.byteLength,
    senderId,
    receiverIds: recipients.map((_, i) => `${senderId}-to-${i + 1}`),
    documentId: packet?.kind === 'edoc' ? packet.header.documentId : packet?.header.responseFor?.documentId,
    ...(packet?.kind === 'status' ? { statusCode: packet.header.statusCode } : {}),
  });
}

let injections = 0;

/** Makes `axis` journal injections realistically and plays a SUT answering them with `behaviour`. */
export function answeringSut(axis: FakeAxis, behaviour: Partial<AnsweringBehaviour> = {}): ScriptedSut {
  const b = { ...correctBehaviour(), ...behaviour };
  const sut = scriptedSut(axis);
  const registered = new Set<string>();
  axis.port.inject = async (request) => {
    axis.injected.push(request);
    const senderId = `a${String(++injections).padStart(23, '0')}`;
    const recipients = recipientsOf(request);
    const entry = injectionEntry(axis, request, senderId, recipients);
    const mine = (entry.receiverIds ?? []).filter((_, i) => recipients[i] === SUT);
    setImmediate(() => void react(request, mine));
    return { senderId, journalId: entry.id };
  };
  const react = async (request: InjectRequest, mine: readonly string[]) => {
    if (mine.length === 0) return;
    sut.call('getReceivedEdocList', { headers: { messagetype: request.messageType } });
    const packet = parsePacket(request.bytes).packet;
    for (const receiverId of mine) {
      const ack = b.ack(packet);
      sut.call('getEdoc', { headers: { docId: receiverId }, receiverIds: [receiverId] });
      if (ack !== 'none') sut.call('updateStatus', { headers: { docId: receiverId, status: ack }, receiverIds: [receiverId] });
    }
    if (packet?.kind !== 'edoc') return;
    const id = packet.header.documentId ?? '';
    if (registered.has(id) && !b.answerAgain) return;
    registered.add(id);
    for (const answer of b.answers(packet)) await sut.sendStatus(b.responseFor(packet), answer.statusCode, answer.description);
  };
  return sut;
}

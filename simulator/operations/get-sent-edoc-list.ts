import { statusCodeInfo } from '../../edxml/status.ts';
import { fail, ok } from '../http/envelope.ts';
import { formatAxisTime } from '../protocol/time.ts';
import type { Delivery } from '../store/types.ts';
import { docIdHeader } from './inbox.ts';
import type { Operation } from './operation.ts';

const SEND_STATUS_DESC = { queued: 'Cho nhan', delivered: 'Da chuyen', done: 'Da nhan', fail: 'Nhan loi' } as const;

function sendStatus(d: Delivery): keyof typeof SEND_STATUS_DESC {
  if (d.state === 'done' || d.state === 'fail') return d.state;
  return d.fetched ? 'delivered' : 'queued';
}

/** One row per recipient of a packet the caller sent, following its transport and status feedback. */
export const getSentEdocList: Operation = {
  name: 'getSentEdocList',
  method: 'POST',
  failExtras: { data: [] },
  async handle(c) {
    const { core, caller, exchange } = c.var;
    const senderId = docIdHeader(c);
    if (!senderId) return fail(c, 'MISSING_HEADER', 'docId');
    exchange.senderId = senderId;
    const packet = await core.store.getPacket(senderId);
    if (!packet || packet.caller !== caller.systemId) return fail(c, 'DOCUMENT_NOT_FOUND');
    exchange.documentId = packet.documentId;
    const deliveries = await core.store.listDeliveries({ senderId });
    const notation = [packet.codeNumber, packet.codeNotation].filter(Boolean).join('/');
    return ok(c, {
      data: deliveries.map((d) => {
        const status = sendStatus(d);
        return {
          serviceType: d.serviceType,
          messageType: d.messageType,
          senderDocId: d.senderId,
          receiverDocId: d.receiverId,
          fromCode: d.fromCode,
          toCode: d.recipientCode,
          title: packet.subject ?? '',
          notation,
          sentTime: formatAxisTime(d.created),
          receivedTime: d.fetched ? formatAxisTime(d.fetched) : '',
          sendStatus: status,
          sendStatusDesc: SEND_STATUS_DESC[status],
          receiveStatus: d.lastStatusCode ?? '',
          receiveStatusDesc: d.lastStatusCode ? (d.lastStatusDesc ?? statusCodeInfo(d.lastStatusCode)?.ascii ?? '') : '',
        };
      }),
    });
  },
};

import { fail, ok } from '../http/envelope.ts';
import { toAscii } from '../protocol/ascii.ts';
import type { DeliveryState } from '../store/types.ts';
import { STATE_DESC } from '../intake/deliveries.ts';
import { docIdHeader, ownDelivery } from './inbox.ts';
import type { Operation } from './operation.ts';

const ACK_STATES: readonly DeliveryState[] = ['done', 'fail', 'processing'];

/** The transport acknowledgement of one delivery: `done` removes it from the inbox. */
export const updateStatus: Operation = {
  name: 'updateStatus',
  method: 'POST',
  failExtras: {},
  async handle(c) {
    const { core, logical, exchange } = c.var;
    const receiverId = docIdHeader(c);
    if (!receiverId) return fail(c, 'MISSING_HEADER', 'docId');
    const state = logical.get('status')?.trim().toLowerCase() as DeliveryState | undefined;
    if (!state || !ACK_STATES.includes(state)) return fail(c, 'INVALID_STATUS', logical.get('status'));
    const delivery = await ownDelivery(c, receiverId);
    if (!delivery) return fail(c, 'DOCUMENT_NOT_FOUND');
    exchange.receiverIds = [receiverId];
    exchange.senderId = delivery.senderId;
    exchange.agencies.add(delivery.fromCode);
    const description = logical.get('description')?.trim();
    await core.store.updateDelivery(receiverId, {
      state,
      statusDesc: description ? toAscii(description) : STATE_DESC[state],
      updated: core.clock(),
    });
    return ok(c);
  },
};

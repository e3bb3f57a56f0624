import type { AxisContext } from '../http/context.ts';
import { fail } from '../http/envelope.ts';
import type { StoredPacket } from '../store/types.ts';
import { docIdHeader, ownDelivery } from './inbox.ts';

/**
 * getEdoc and downloadEdoc: the caller's delivery, its packet, and the first fetch recorded (the
 * sender's getSentEdocList then shows `delivered`). Returns a FAIL response when not found.
 */
export async function fetchDelivery(c: AxisContext): Promise<StoredPacket | Response> {
  const { core, exchange } = c.var;
  const receiverId = docIdHeader(c);
  if (!receiverId) return fail(c, 'MISSING_HEADER', 'docId');
  const delivery = await ownDelivery(c, receiverId);
  const packet = delivery && (await core.store.getPacket(delivery.senderId));
  if (!delivery || !packet) return fail(c, 'DOCUMENT_NOT_FOUND');
  exchange.receiverIds = [receiverId];
  exchange.senderId = delivery.senderId;
  exchange.documentId = packet.documentId;
  exchange.agencies.add(delivery.fromCode);
  if (!delivery.fetched) await core.store.updateDelivery(receiverId, { fetched: core.clock() });
  return packet;
}

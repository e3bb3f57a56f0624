// Inbox rules shared by the recipient's operations: which deliveries are listed, and the one way a
// delivery id is looked up (unknown and not-yours answer the same, revealing nothing).
import type { AxisContext } from '../http/context.ts';
import type { Delivery, DeliveryState } from '../store/types.ts';

export type MessageType = 'edoc' | 'status';

/** `messagetype` as the mailbox selector; absent means `edoc`, an unknown value is undefined. */
export function mailbox(value: string | undefined): MessageType | undefined {
  const v = (value ?? 'edoc').trim().toLowerCase();
  return v === 'edoc' || v === 'status' ? v : undefined;
}

/** An item leaves the inbox on `done`; `fail` stays listed unless configured otherwise. */
export const listedStates = (failListed: boolean): DeliveryState[] =>
  failListed ? ['initial', 'processing', 'fail'] : ['initial', 'processing'];

export async function ownDelivery(c: AxisContext, receiverId: string): Promise<Delivery | undefined> {
  const delivery = await c.get('core').store.getDelivery(receiverId);
  return delivery && delivery.recipientSystem === c.get('caller').systemId ? delivery : undefined;
}

/** The `docId` header in either casing. */
export const docIdHeader = (c: AxisContext): string | undefined => c.get('logical').get('docId')?.trim() || undefined;

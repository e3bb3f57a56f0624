// One delivery per recipient, each under its own receiver id, all starting in the `initial` state.
import { newReceiverId } from '../protocol/ids.ts';
import { STATE_DESC } from '../operations/inbox.ts';
import type { Delivery } from '../store/types.ts';

export interface DeliveryTarget {
  recipientCode: string;
  recipientSystem: string;
}

export function makeDeliveries(
  senderId: string,
  targets: readonly DeliveryTarget[],
  fromCode: string,
  messageType: 'edoc' | 'status',
  serviceType: string,
  now: Date,
): Delivery[] {
  return targets.map((t) => ({
    receiverId: newReceiverId(),
    senderId,
    recipientCode: t.recipientCode,
    recipientSystem: t.recipientSystem,
    fromCode,
    messageType,
    serviceType,
    state: 'initial',
    statusDesc: STATE_DESC.initial,
    created: now,
    updated: now,
  }));
}

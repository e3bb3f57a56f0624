// One delivery per recipient, each under its own receiver id, all starting in the `initial` state.
import { newReceiverId } from '../protocol/ids.ts';
import type { Delivery, DeliveryState } from '../store/types.ts';

/** ASCII descriptions of inbox states (`status_desc`). */
export const STATE_DESC: Record<DeliveryState, string> = {
  initial: 'Chua nhan',
  processing: 'Dang xu ly',
  done: 'Da nhan',
  fail: 'Nhan loi',
};

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

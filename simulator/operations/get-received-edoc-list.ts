import { fail, ok } from '../http/envelope.ts';
import { formatAxisTime, parseFilterDate } from '../protocol/time.ts';
import { listedStates, mailbox } from './inbox.ts';
import type { Operation } from './operation.ts';

/** The caller's not-yet-acknowledged deliveries of one mailbox, oldest first. */
export const getReceivedEdocList: Operation = {
  name: 'getReceivedEdocList',
  method: 'POST',
  failExtras: { data: [] },
  async handle(c) {
    const { core, caller, logical } = c.var;
    const messageType = mailbox(logical.get('messagetype'));
    if (!messageType) return fail(c, 'MISSING_HEADER', 'messagetype');
    const fromText = logical.get('fromDate')?.trim();
    const toText = logical.get('toDate')?.trim();
    const since = fromText ? parseFilterDate(fromText, false) : undefined;
    const until = toText ? parseFilterDate(toText, true) : undefined;
    if ((fromText && !since) || (toText && !until)) return fail(c, 'MALFORMED_REQUEST', 'fromDate/toDate');
    const deliveries = await core.store.listDeliveries({
      recipientSystem: caller.systemId,
      messageType,
      states: listedStates(core.options.failListed),
      since,
      until,
    });
    return ok(c, {
      data: deliveries.map((d) => ({
        docId: d.receiverId,
        serviceType: d.serviceType,
        messageType: d.messageType,
        created_time: formatAxisTime(d.created),
        updated_time: formatAxisTime(d.updated),
        from: d.fromCode,
        to: d.recipientCode,
        status: d.state,
        status_desc: d.statusDesc,
      })),
    });
  },
};

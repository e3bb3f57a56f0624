import { fail, ok } from '../http/envelope.ts';
import type { AxisContext } from '../http/context.ts';
import { listedStates, mailbox, type MessageType } from './inbox.ts';
import type { Operation } from './operation.ts';

async function countInbox(c: AxisContext, messageType: MessageType): Promise<Response> {
  const { core, caller } = c.var;
  const count = await core.store.countDeliveries({
    recipientSystem: caller.systemId,
    messageType,
    states: listedStates(core.options.failListed),
  });
  return ok(c, { count });
}

/** Documents waiting in the caller's inbox (`messagetype` selects the mailbox, `edoc` by default). */
export const countReceiveEdoc: Operation = {
  name: 'countReceiveEdoc',
  method: 'POST',
  failExtras: {},
  async handle(c) {
    const messageType = mailbox(c.get('logical').get('messagetype'));
    return messageType ? countInbox(c, messageType) : fail(c, 'MISSING_HEADER', 'messagetype');
  },
};

/** Status packets waiting in the caller's inbox, whatever `messagetype` a reused client carries. */
export const countReceiveStatus: Operation = {
  name: 'countReceiveStatus',
  method: 'POST',
  failExtras: {},
  handle: (c) => countInbox(c, 'status'),
};

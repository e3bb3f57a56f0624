// Read access to every stored packet and its deliveries (evidence for the suite and the console).
import { Hono, type Context } from 'hono';
import type { AxisCore } from '../core.ts';
import type { Delivery, DeliveryState, StoredPacket, StoredPacketKind } from '../store/types.ts';
import { controlError } from './errors.ts';
import { type ControlEnv, tenantOf } from './principal.ts';
import { QueryError, queryError, readQuery } from './query.ts';

const packetJson = ({ bytes, created, ...rest }: StoredPacket) => ({ ...rest, length: bytes.byteLength, created: created.toISOString() });

const deliveryJson = (d: Delivery) => ({
  ...d,
  created: d.created.toISOString(),
  updated: d.updated.toISOString(),
  fetched: d.fetched?.toISOString(),
  lastStatusTime: d.lastStatusTime?.toISOString(),
});

const KINDS: readonly StoredPacketKind[] = ['edoc', 'status', 'unknown'];
const STATES: readonly DeliveryState[] = ['initial', 'processing', 'done', 'fail'];
const MESSAGE_TYPES = ['edoc', 'status'] as const;

/** Runs a read with a validated query; a bad parameter is a 400, never a store error. */
async function withQuery(c: Context<ControlEnv>, read: (q: ReturnType<typeof readQuery>) => Promise<Response>): Promise<Response> {
  try {
    return await read(readQuery(c));
  } catch (e) {
    if (e instanceof QueryError) return queryError(c, e);
    throw e;
  }
}

const unknownPacket = (c: Context) => controlError(c, 404, 'CTL-PACKET-UNKNOWN', 'Không có gói tin này.', 'No such packet.');

/**
 * The packet with the deliveries the caller may see: a tenant sees a packet it sent (with every
 * delivery), or one delivered to its systems (with those deliveries only); others' are unknown.
 */
async function visiblePacket(core: AxisCore, c: Context<ControlEnv>): Promise<{ packet: StoredPacket; deliveries: Delivery[] } | undefined> {
  const packet = await core.store.getPacket(c.req.param('senderId') as string);
  if (!packet) return undefined;
  const tenant = tenantOf(c);
  const deliveries = await core.store.listDeliveries({ senderId: packet.senderId, tenant });
  if (tenant !== undefined && packet.tenant !== tenant && deliveries.length === 0) return undefined;
  return { packet, deliveries };
}

export function packetsRoutes(core: AxisCore): Hono<ControlEnv> {
  const app = new Hono<ControlEnv>();
  app.get('/', (c) =>
    withQuery(c, async (q) => {
      const packets = await core.store.findPackets({
        documentId: q.text('documentId'),
        from: q.text('from'),
        caller: q.text('caller'),
        kind: q.oneOf('kind', KINDS),
        newestFirst: q.bool('newestFirst') ?? false,
        limit: q.limit(),
        tenant: tenantOf(c),
      });
      return c.json(packets.map(packetJson));
    }),
  );
  app.get('/:senderId', async (c) => {
    const found = await visiblePacket(core, c);
    if (!found) return unknownPacket(c);
    return c.json({ ...packetJson(found.packet), deliveries: found.deliveries.map(deliveryJson) });
  });
  app.get('/:senderId/bytes', async (c) => {
    const found = await visiblePacket(core, c);
    if (!found) return unknownPacket(c);
    return new Response(found.packet.bytes, { headers: { 'content-type': 'application/xml' } });
  });
  return app;
}

export function deliveriesRoutes(core: AxisCore): Hono<ControlEnv> {
  const app = new Hono<ControlEnv>();
  app.get('/', (c) =>
    withQuery(c, async (q) => {
      const deliveries = await core.store.listDeliveries({
        senderId: q.text('senderId'),
        recipientSystem: q.text('recipientSystem'),
        recipientCode: q.text('recipientCode'),
        messageType: q.oneOf('messageType', MESSAGE_TYPES),
        states: q.listOf('state', STATES),
        tenant: tenantOf(c),
      });
      return c.json(deliveries.map(deliveryJson));
    }),
  );
  app.get('/:receiverId', async (c) => {
    const tenant = tenantOf(c);
    let delivery = await core.store.getDelivery(c.req.param('receiverId'));
    if (delivery && tenant !== undefined) {
      const visible = await core.store.listDeliveries({ senderId: delivery.senderId, tenant });
      if (!visible.some((d) => d.receiverId === delivery?.receiverId)) delivery = undefined;
    }
    if (!delivery) return controlError(c, 404, 'CTL-DELIVERY-UNKNOWN', 'Không có lượt chuyển này.', 'No such delivery.');
    return c.json(deliveryJson(delivery));
  });
  return app;
}

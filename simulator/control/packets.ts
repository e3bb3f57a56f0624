// Read access to every stored packet and its deliveries (evidence for the suite and the console).
import { Hono } from 'hono';
import type { AxisCore } from '../core.ts';
import type { Delivery, DeliveryState, StoredPacket, StoredPacketKind } from '../store/types.ts';
import { controlError } from './errors.ts';

const packetJson = ({ bytes, created, ...rest }: StoredPacket) => ({ ...rest, length: bytes.byteLength, created: created.toISOString() });

const deliveryJson = (d: Delivery) => ({
  ...d,
  created: d.created.toISOString(),
  updated: d.updated.toISOString(),
  fetched: d.fetched?.toISOString(),
  lastStatusTime: d.lastStatusTime?.toISOString(),
});

const optionalInt = (text: string | undefined): number | undefined => (text && /^\d+$/.test(text) ? Number(text) : undefined);

export function packetsRoutes(core: AxisCore): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = c.req.query();
    const packets = await core.store.findPackets({
      documentId: q.documentId,
      from: q.from,
      caller: q.caller,
      kind: q.kind as StoredPacketKind | undefined,
      newestFirst: q.newestFirst === 'true',
      limit: optionalInt(q.limit),
    });
    return c.json(packets.map(packetJson));
  });
  app.get('/:senderId', async (c) => {
    const packet = await core.store.getPacket(c.req.param('senderId'));
    if (!packet) return controlError(c, 404, 'CTL-PACKET-UNKNOWN', 'Không có gói tin này.', 'No such packet.');
    const deliveries = await core.store.listDeliveries({ senderId: packet.senderId });
    return c.json({ ...packetJson(packet), deliveries: deliveries.map(deliveryJson) });
  });
  app.get('/:senderId/bytes', async (c) => {
    const packet = await core.store.getPacket(c.req.param('senderId'));
    if (!packet) return controlError(c, 404, 'CTL-PACKET-UNKNOWN', 'Không có gói tin này.', 'No such packet.');
    return new Response(packet.bytes, { headers: { 'content-type': 'application/xml' } });
  });
  return app;
}

export function deliveriesRoutes(core: AxisCore): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = c.req.query();
    const deliveries = await core.store.listDeliveries({
      senderId: q.senderId,
      recipientSystem: q.recipientSystem,
      recipientCode: q.recipientCode,
      messageType: q.messageType as 'edoc' | 'status' | undefined,
      states: q.state ? (q.state.split(',') as DeliveryState[]) : undefined,
    });
    return c.json(deliveries.map(deliveryJson));
  });
  app.get('/:receiverId', async (c) => {
    const delivery = await core.store.getDelivery(c.req.param('receiverId'));
    if (!delivery) return controlError(c, 404, 'CTL-DELIVERY-UNKNOWN', 'Không có lượt chuyển này.', 'No such delivery.');
    return c.json(deliveryJson(delivery));
  });
  return app;
}

// Injection: a packet delivered as any agency, optionally past intake validation and routing, for
// the damaged-delivery cases and for the suite's counterpart agencies.
import { Hono } from 'hono';
import type { AxisCore } from '../core.ts';
import { makeDeliveries, type DeliveryTarget } from '../intake/deliveries.ts';
import { inspectPacket } from '../intake/inspect.ts';
import { packetRecipients, routeRecipients } from '../intake/route.ts';
import { recordStatusFeedback } from '../intake/status-feedback.ts';
import { toStoredPacket } from '../intake/stored-packet.ts';
import { newSenderId } from '../protocol/ids.ts';
import { sha256 } from '../protocol/signing.ts';
import { controlError, isObject, jsonBody } from './errors.ts';
import { type ControlEnv, forbidden, tenantOf } from './principal.ts';

interface InjectRequest {
  /** The sending agency (caller) the packet is attributed to. */
  as: string;
  /** Packet bytes: base64 in the JSON form, the body itself in the binary form. */
  packet: string | Uint8Array;
  messageType?: 'edoc' | 'status';
  serviceType?: string;
  /** Recipients overriding the packet's (past routing): delivered even when unknown to the directory. */
  to?: string[];
  /** Deliver even when the packet cannot be read (past intake). */
  skipIntake?: boolean;
}

function readRequest(body: unknown): InjectRequest | undefined {
  if (!isObject(body) || typeof body.as !== 'string' || typeof body.packet !== 'string') return undefined;
  if (body.messageType !== undefined && body.messageType !== 'edoc' && body.messageType !== 'status') return undefined;
  if (body.serviceType !== undefined && typeof body.serviceType !== 'string') return undefined;
  if (body.to !== undefined && !(Array.isArray(body.to) && body.to.every((x) => typeof x === 'string'))) return undefined;
  if (body.skipIntake !== undefined && typeof body.skipIntake !== 'boolean') return undefined;
  return body as unknown as InjectRequest;
}

/**
 * The binary form: `Content-Type: application/octet-stream`, the packet as the body and the other
 * fields in the query (`as`, `messageType`, `serviceType`, `to` repeated, `skipIntake=true`). A
 * large packet then travels as bytes, without base64 inside JSON to encode, parse and decode.
 */
async function readBinaryRequest(c: { req: { query(name: string): string | undefined; queries(name: string): string[] | undefined; arrayBuffer(): Promise<ArrayBuffer> } }): Promise<InjectRequest | undefined> {
  const skip = c.req.query('skipIntake');
  if (skip !== undefined && skip !== 'true' && skip !== 'false') return undefined;
  const candidate = {
    as: c.req.query('as'),
    packet: new Uint8Array(await c.req.arrayBuffer()),
    messageType: c.req.query('messageType'),
    serviceType: c.req.query('serviceType'),
    to: c.req.queries('to'),
    skipIntake: skip === undefined ? undefined : skip === 'true',
  };
  return readRequest({ ...candidate, packet: '' }) ? { ...(candidate as unknown as InjectRequest), packet: candidate.packet } : undefined;
}

/** A tenant injects only as one of its systems or as an agency it created. */
async function mayInjectAs(core: AxisCore, tenant: string, as: string): Promise<boolean> {
  if ((await core.store.getSystem(as))?.tenant === tenant) return true;
  return (await core.store.findAgency(as))?.tenant === tenant;
}

export function injectRoutes(core: AxisCore): Hono<ControlEnv> {
  const app = new Hono<ControlEnv>();
  app.post('/', async (c) => {
    const binary = (c.req.header('content-type') ?? '').startsWith('application/octet-stream');
    const request = binary ? await readBinaryRequest(c) : readRequest(await jsonBody(c));
    if (!request) {
      return controlError(c, 400, 'CTL-INJECT-INVALID', 'Cần as (chuỗi), packet (base64), và to (mảng chuỗi, không bắt buộc).', 'Expected as (string), packet (base64) and optional to (string array).');
    }
    const tenant = tenantOf(c);
    if (tenant !== undefined && !(await mayInjectAs(core, tenant, request.as))) {
      return forbidden(c, 'gửi thay hệ thống hay đơn vị không thuộc mình', 'inject as a system or agency it does not own');
    }
    const bytes = typeof request.packet === 'string' ? Buffer.from(request.packet, 'base64') : Buffer.from(request.packet.buffer, request.packet.byteOffset, request.packet.byteLength);
    const inspection = await inspectPacket(core, bytes);
    const packet = inspection.packet;
    if (!packet && !request.skipIntake) {
      return controlError(c, 400, 'CTL-INJECT-UNREADABLE', 'Gói tin không đọc được; dùng skipIntake để vẫn chuyển.', 'The packet cannot be read; use skipIntake to deliver it anyway.');
    }
    const messageType = request.messageType ?? (packet?.kind === 'status' ? 'status' : 'edoc');
    let targets: DeliveryTarget[];
    if (request.to) {
      targets = [];
      for (const code of request.to) {
        const agency = await core.agencies.resolve(code);
        targets.push(agency ? { recipientCode: agency.canonical, recipientSystem: await core.agencies.inboxOf(agency) } : { recipientCode: code, recipientSystem: code });
      }
    } else {
      const routing = packet ? await routeRecipients(core.agencies, packetRecipients(packet)) : undefined;
      if (!routing || !routing.ok || routing.recipients.length === 0) {
        return controlError(c, 400, 'CTL-INJECT-UNROUTABLE', 'Không xác định được đơn vị nhận; hãy cho danh sách to.', 'No known recipient; give the to list.');
      }
      targets = routing.recipients.map((r) => ({ recipientCode: r.agency.canonical, recipientSystem: r.inbox }));
    }
    const now = core.clock();
    const senderId = newSenderId(now);
    const serviceType = request.serviceType ?? 'eDoc';
    const fromCode = packet?.header.from?.organId ?? request.as;
    const deliveries = makeDeliveries(senderId, targets, fromCode, messageType, serviceType, now);
    await core.store.acceptSend(
      toStoredPacket({ senderId, bytes, packet, messageType, serviceType, caller: request.as, injected: true, created: now, tenant }),
      deliveries,
    );
    if (packet?.kind === 'status') await recordStatusFeedback(core, packet, now);
    const agencies = [...new Set([request.as, fromCode, ...targets.flatMap((t) => [t.recipientCode, t.recipientSystem])])];
    const entry = await core.store.appendJournal({
      time: now,
      run: await core.reservations.labelOf(agencies),
      tenant,
      operation: 'control:inject',
      method: 'POST',
      path: new URL(c.req.url).pathname,
      caller: request.as,
      agencies,
      headers: { messagetype: messageType, servicetype: serviceType },
      secretSeen: false,
      outcome: { status: 'OK', errorCode: '0', errorDesc: 'Thanh cong' },
      httpStatus: 200,
      findings: inspection.findings,
      bodySha256: sha256(bytes).toString('hex'),
      bodyLength: bytes.byteLength,
      bodyExcerpt: bytes.subarray(0, core.options.journalBodyCap),
      senderId,
      receiverIds: deliveries.map((d) => d.receiverId),
      documentId: packet?.kind === 'edoc' ? packet.header.documentId : packet?.header.responseFor?.documentId,
      statusCode: packet?.kind === 'status' ? packet.header.statusCode : undefined,
      durationMs: 0,
    });
    core.events.emit('entry', entry);
    return c.json({
      senderId,
      journalId: entry.id,
      deliveries: deliveries.map((d) => ({ receiverId: d.receiverId, recipientCode: d.recipientCode, recipientSystem: d.recipientSystem })),
      findings: inspection.findings,
    });
  });
  return app;
}

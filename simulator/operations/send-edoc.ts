import { hasError } from '../../edxml/finding.ts';
import { report } from '../../edxml/rule.ts';
import { fail, ok } from '../http/envelope.ts';
import { makeDeliveries } from '../intake/deliveries.ts';
import { matchBody, withoutTrailingCrlf } from '../intake/hash-file.ts';
import { inspectPacket } from '../intake/inspect.ts';
import { exceedsElements } from '../intake/limits.ts';
import { readMultipart } from '../intake/multipart.ts';
import { packetRecipients, routeRecipients } from '../intake/route.ts';
import { intakeRules } from '../intake/rules.ts';
import { recordStatusFeedback } from '../intake/status-feedback.ts';
import { toStoredPacket } from '../intake/stored-packet.ts';
import { parseToHeader } from '../intake/to-header.ts';
import { newSenderId } from '../protocol/ids.ts';
import type { Operation } from './operation.ts';

/**
 * Intake of one packet. The default policy mirrors the real axis: refuse only what cannot be routed
 * or attributed, accept the rest and journal every finding; strict mode refuses any error.
 */
export const sendEdoc: Operation = {
  name: 'sendEdoc',
  method: 'POST',
  failExtras: { DocId: '' },
  async handle(c) {
    const { core, caller, logical, exchange } = c.var;
    const messageType = logical.get('messagetype')?.trim().toLowerCase();
    if (messageType !== 'edoc' && messageType !== 'status') return fail(c, 'MESSAGETYPE_MISMATCH', logical.get('messagetype') ?? '');

    const upload = await readMultipart(c.req.header('content-type'), exchange.body);
    if (upload.kind === 'invalid') return fail(c, 'MALFORMED_REQUEST', upload.reason);
    const body = upload.kind === 'file' ? upload.bytes : exchange.body;

    const hashFile = logical.get('hash-file') ?? '';
    const match = hashFile ? matchBody(body, hashFile) : undefined;
    if (!match && core.options.hashPolicy === 'reject') return fail(c, 'HASH_MISMATCH');
    if (!match) exchange.findings.push(report(intakeRules.hashMismatchAccepted, 'hash-file'));
    const bytes = match?.bytes ?? withoutTrailingCrlf(body);

    const limits = core.options.packetLimits;
    if (exceedsElements(bytes, limits.elements)) return fail(c, 'PACKET_TOO_COMPLEX', `hon ${limits.elements} phan tu`);
    const agencies = await core.agencies.snapshot();
    const inspection = await inspectPacket(core, bytes, agencies.records);
    exchange.findings.push(...inspection.findings);
    const packet = inspection.packet;
    if (!packet) return fail(c, 'MALFORMED_PACKET', inspection.findings.find((f) => f.level === 'error')?.rule);
    if (packet.kind !== messageType) return fail(c, 'MESSAGETYPE_MISMATCH', `${messageType} != ${packet.kind}`);
    if (packet.kind === 'edoc') exchange.documentId = packet.header.documentId;
    else {
      exchange.documentId = packet.header.responseFor?.documentId;
      exchange.statusCode = packet.header.statusCode;
    }

    const from = packet.header.from?.organId?.trim();
    if (!from) return fail(c, 'NO_SENDER');
    exchange.agencies.add(from);
    if (!(await agencies.manages(caller.systemId, from))) return fail(c, 'SENDER_MISMATCH', from);
    const headerFrom = logical.get('from')?.trim();
    if (headerFrom && !(await agencies.manages(caller.systemId, headerFrom))) return fail(c, 'SENDER_MISMATCH', headerFrom);

    const codes = packetRecipients(packet);
    for (const code of codes) exchange.agencies.add(code);
    if (codes.length === 0) return fail(c, 'NO_RECIPIENT');
    if (codes.length > limits.recipients) return fail(c, 'PACKET_TOO_COMPLEX', `hon ${limits.recipients} don vi nhan`);
    const routing = await routeRecipients(agencies, codes);
    if (!routing.ok) return fail(c, 'UNKNOWN_RECIPIENT', routing.unknown);
    for (const code of routing.duplicates) exchange.findings.push(report(intakeRules.duplicateRecipient, 'To', { code }));
    // "By agency" journal queries must find the exchange under any form and under the inbox's systemid.
    for (const r of routing.recipients) exchange.agencies.add(r.agency.canonical).add(r.inbox);
    exchange.agencies.add(await agencies.canonical(from));

    const toHeader = logical.get('to');
    if (toHeader !== undefined && toHeader.trim() !== '') {
      const named = parseToHeader(toHeader);
      if (!named) exchange.findings.push(report(intakeRules.toHeaderUnreadable, 'to', { to: toHeader }));
      else {
        const headerSet = new Set(await Promise.all(named.map((code) => agencies.canonical(code))));
        const packetSet = new Set(routing.recipients.map((r) => r.agency.canonical));
        const same = headerSet.size === packetSet.size && [...headerSet].every((code) => packetSet.has(code));
        if (!same) exchange.findings.push(report(intakeRules.toHeaderDisagrees, 'to', { to: toHeader, packet: codes.join(', ') }));
      }
    }

    if (core.options.strict && hasError(exchange.findings)) {
      return fail(c, 'STRICT_REJECTED', exchange.findings.find((f) => f.level === 'error')?.rule);
    }

    const now = core.clock();
    const senderId = newSenderId(now);
    const serviceType = logical.get('servicetype')?.trim() || 'eDoc';
    const deliveries = makeDeliveries(
      senderId,
      routing.recipients.map((r) => ({ recipientCode: r.agency.canonical, recipientSystem: r.inbox })),
      from,
      messageType,
      serviceType,
      now,
    );
    const stored = toStoredPacket({ senderId, bytes, packet, messageType, serviceType, caller: caller.systemId, injected: false, created: now, tenant: caller.tenant });
    await core.store.acceptSend(stored, deliveries);
    exchange.senderId = senderId;
    exchange.receiverIds = deliveries.map((d) => d.receiverId);
    if (packet.kind === 'status') await recordStatusFeedback(core, packet, now);
    return ok(c, { DocId: senderId });
  },
};

// A status packet coming back updates the sender's view (getSentEdocList `receiveStatus`) of the
// delivery it answers, matched by (ResponseFor/DocumentId, the status's From), falling back to
// (ResponseFor/OrganId, ResponseFor/Code, PromulgationDate) — codes compared as agencies.
import { normalizeStatusCode, statusCodeInfo } from '../../edxml/status.ts';
import type { StatusPacket } from '../../edxml/types.ts';
import type { AxisCore } from '../core.ts';
import type { StoredPacket } from '../store/types.ts';

async function candidatePackets(core: AxisCore, status: StatusPacket): Promise<StoredPacket[]> {
  const rf = status.header.responseFor ?? {};
  if (rf.documentId) {
    const byId = await core.store.findPackets({ documentId: rf.documentId, newestFirst: true });
    if (byId.length > 0) return byId;
  }
  if (!rf.organId || !rf.code) return [];
  const slash = rf.code.indexOf('/');
  const codeNumber = slash >= 0 ? rf.code.slice(0, slash) : rf.code;
  const codeNotation = slash >= 0 ? rf.code.slice(slash + 1) : undefined;
  const issuer = await core.agencies.resolve(rf.organId);
  const forms = new Set([rf.organId, issuer?.canonical, issuer?.record?.code, issuer?.record?.code102].filter((x): x is string => !!x));
  const found: StoredPacket[] = [];
  for (const from of forms) {
    found.push(
      ...(await core.store.findPackets({ from, codeNumber, codeNotation, promulgationDate: rf.promulgationDate, newestFirst: true })),
    );
  }
  return found;
}

/** Records the status on the delivery it answers; returns that delivery's receiver id, if any. */
export async function recordStatusFeedback(core: AxisCore, status: StatusPacket, now: Date): Promise<string | undefined> {
  const reporter = status.header.from?.organId;
  const code = status.header.statusCode;
  if (!reporter || !code) return undefined;
  const reporterCode = await core.agencies.canonical(reporter);
  for (const packet of await candidatePackets(core, status)) {
    if (packet.kind !== 'edoc') continue;
    const deliveries = await core.store.listDeliveries({ senderId: packet.senderId });
    const answered = deliveries.find((d) => d.recipientCode === reporterCode);
    if (!answered) continue;
    const normalized = normalizeStatusCode(code);
    await core.store.updateDelivery(answered.receiverId, {
      lastStatusCode: normalized,
      lastStatusDesc: statusCodeInfo(normalized)?.ascii ?? '',
      lastStatusTime: now,
    });
    return answered.receiverId;
  }
  return undefined;
}

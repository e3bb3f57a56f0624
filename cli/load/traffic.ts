// The traffic of `truc load`: counterpart units send documents to each other (and to a system under
// test) at a steady rate; every unit polls its two mailboxes like a document-management system,
// fetches, acknowledges, and answers each document with statuses 01 (received) and 03 (accepted).
// Everything goes through the real axis protocol; the control API is used only to provision and,
// at the end, to check that documents sent to the SUT were delivered to it.
import { buildPacket } from '../../edxml/build.ts';
import { composeEdoc, composeStatus } from '../../edxml/compose.ts';
import { parsePacket } from '../../edxml/parse.ts';
import { AxisClient, AxisTransportError } from '../../simulator/client/client.ts';
import { Latencies, summarize, type LatencySummary } from './latencies.ts';
import type { ControlClient, LoadUnit } from './provision.ts';

export interface LoadOptions {
  axisUrl: string;
  units: LoadUnit[];
  docsPerMinute: number;
  durationSeconds: number;
  sutCode?: string;
  /** Every n-th document goes to the SUT (default 10). */
  sutEvery?: number;
  /** Each unit polls its mailboxes this often (default 10 s), as a vendor system would. */
  pollSeconds?: number;
  /** After sending stops, keep polling this long for the last deliveries (default 2 polls + 10 s). */
  drainSeconds?: number;
  /** At most this many sends in flight; beyond it the schedule falls behind (reported). */
  maxInFlight?: number;
  control: ControlClient;
  onProgress?: (p: LoadProgress) => void;
}

export interface LoadProgress {
  elapsedSeconds: number;
  phase: 'sending' | 'draining';
  documentsSent: number;
  documentsReceived: number;
  statusesReceived: number;
  errors: number;
  inFlight: number;
}

export interface LoadResult {
  config: { units: number; docsPerMinute: number; durationSeconds: number; pollSeconds: number; sutCode?: string };
  elapsedSeconds: number;
  documents: { scheduled: number; sent: number; acknowledged: number; delivered: number; toSut: number; perMinuteAchieved: number };
  statuses: { sent: number; acknowledged: number; delivered: number };
  requests: { total: number; perSecond: number };
  errors: { total: number; byKind: Record<string, number> };
  /** Packets the axis answered OK that never reached their recipient. */
  lost: number;
  lostDetail: { documents: number; statuses: number; sutDocuments: number };
  /** Acknowledged packets the axis still holds for a recipient that had not fetched them when the drain ended. */
  notFetched: number;
  /** Milliseconds per axis operation. */
  latency: Record<string, LatencySummary>;
  /** Seconds from a document's send to the SUT's status 01 / 03 arriving back. */
  sut?: { code: string; documents: number; status01: LatencySummary; status03: LatencySummary; unanswered01: number; unanswered03: number };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Marks a packet as this load's, findable in the bytes without parsing: `[load TAG SEQ]`. */
const marker = (tag: string, seq: number | string): string => `[load ${tag} ${seq}]`;

const STAFF = { department: 'Văn thư', staff: 'Tải thử', mobile: '0900000000', email: 'load@truc.test' };

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const tag = Date.now().toString(36);
  const pollMs = (options.pollSeconds ?? 10) * 1000;
  const drainMs = (options.drainSeconds ?? (2 * pollMs) / 1000 + 10) * 1000;
  const maxInFlight = options.maxInFlight ?? 64;
  const sutEvery = options.sutEvery ?? 10;
  const latencies = new Latencies();
  const errors = new Map<string, number>();
  const units = options.units;
  const byCode = new Map(units.map((u) => [u.code, u]));

  // Sent documents by sequence number; what happened to each.
  const docs = new Map<number, { to: string; from: string; senderId?: string; sentAt: number; documentId: string; received: boolean; s01?: number; s03?: number }>();
  const statusesSent = new Set<string>();
  /** Status marker id → senderId the axis gave it. */
  const statusesAcked = new Map<string, string>();
  const statusesReceived = new Set<string>();
  let requests = 0;
  let scheduled = 0;
  let inFlight = 0;
  let sending = true;
  let polling = true;
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;

  const fail = (kind: string) => errors.set(kind, (errors.get(kind) ?? 0) + 1);
  const client = (unit: LoadUnit) => new AxisClient({ baseUrl: options.axisUrl, systemId: unit.code, secret: unit.secret });

  /** One axis call, timed and counted; undefined (and an error counted) when it fails. */
  async function call<T extends { status: string; ErrorCode?: string }>(operation: string, work: () => Promise<T>): Promise<T | undefined> {
    requests += 1;
    try {
      const reply = await latencies.time(operation, work);
      if (reply.status !== 'OK') {
        fail(`${operation}: ErrorCode ${reply.ErrorCode ?? '?'}`);
        return undefined;
      }
      return reply;
    } catch (e) {
      fail(e instanceof AxisTransportError ? `${operation}: ${e.code}` : `${operation}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  async function sendDocument(seq: number): Promise<void> {
    const from = units[Math.floor(Math.random() * units.length)];
    let to: string;
    if (options.sutCode && seq % sutEvery === 0) to = options.sutCode;
    else {
      do to = units[Math.floor(Math.random() * units.length)].code;
      while (to === from.code && units.length > 1);
    }
    const date = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
    const doc = composeEdoc({
      from: { organId: from.code, organName: `Đơn vị ${from.code}` },
      to: [{ organId: to, organName: `Đơn vị ${to}` }],
      codeNumber: String(seq),
      codeNotation: `TT-${tag}`,
      promulgationDate: date,
      subject: `Văn bản tải thử ${marker(tag, seq)}`,
      signer: { competence: 'TL. THỦ TRƯỞNG', position: 'CHÁNH VĂN PHÒNG', fullName: 'Nguyễn Văn Tải' },
      attachments: [{ name: 'van-ban.txt', contentType: 'text/plain', bytes: new TextEncoder().encode(`Nội dung ${seq}`) }],
    });
    const record = { to, from: from.code, sentAt: Date.now(), documentId: doc.header.documentId ?? '', received: false } as const;
    docs.set(seq, { ...record });
    const reply = await call('sendEdoc', () => client(from).sendEdoc(buildPacket(doc)));
    const entry = docs.get(seq);
    if (entry && reply) entry.senderId = reply.DocId;
  }

  async function answer(unit: LoadUnit, seq: string, bytes: Uint8Array): Promise<void> {
    const parsed = parsePacket(bytes);
    if (parsed.packet?.kind !== 'edoc') return;
    const h = parsed.packet.header;
    const sender = h.from?.organId;
    if (!sender || !byCode.has(sender)) return;
    for (const code of ['01', '03']) {
      const status = composeStatus({
        from: { organId: unit.code, organName: `Đơn vị ${unit.code}` },
        responseFor: { organId: sender, code: `${h.code?.codeNumber}/${h.code?.codeNotation}`, promulgationDate: h.promulgationInfo?.promulgationDate, documentId: h.documentId },
        statusCode: code,
        description: marker(tag, `${seq}-${code}`),
        timestamp: new Date().toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, '/'),
        staffInfo: STAFF,
      });
      const id = `${seq}-${code}`;
      statusesSent.add(id);
      const reply = await call('sendEdoc(status)', () => client(unit).sendEdoc(buildPacket(status), { messagetype: 'status' }));
      if (reply) statusesAcked.set(id, reply.DocId);
    }
  }

  const markerIn = (bytes: Uint8Array): string | undefined =>
    new RegExp(`\\[load ${tag} ([0-9-]+)\\]`).exec(Buffer.from(bytes).toString('latin1'))?.[1];

  async function pollMailbox(unit: LoadUnit, messagetype: 'edoc' | 'status'): Promise<void> {
    const c = client(unit);
    const list = await call(`getReceivedEdocList(${messagetype})`, () => c.getReceivedEdocList({ messagetype }));
    for (const item of list?.data ?? []) {
      const got = await call('getEdoc', () => c.getEdoc(item.docId));
      if (!got) continue;
      const bytes = Buffer.from(got.data, 'base64');
      await call('updateStatus', () => c.updateStatus(item.docId, 'done'));
      const seen = markerIn(bytes);
      if (messagetype === 'edoc') {
        const doc = seen === undefined ? undefined : docs.get(Number(seen));
        if (doc) doc.received = true;
        if (seen !== undefined) await answer(unit, seen, bytes);
      } else if (seen !== undefined) {
        statusesReceived.add(seen);
      } else if (options.sutCode && item.from === options.sutCode) {
        noteSutStatus(bytes);
      }
    }
  }

  /** A status from the SUT: which of our documents it answers (by its DocumentId or code), and when. */
  function noteSutStatus(bytes: Uint8Array): void {
    const parsed = parsePacket(bytes);
    if (parsed.packet?.kind !== 'status') return;
    const h = parsed.packet.header;
    const number = h.responseFor?.code?.split('/')[0];
    const doc = [...(number && docs.has(Number(number)) ? [docs.get(Number(number))!] : [])].find(
      (d) => d.to === options.sutCode && (h.responseFor?.documentId === undefined || h.responseFor.documentId === d.documentId),
    );
    if (!doc) return;
    const seconds = (Date.now() - doc.sentAt) / 1000;
    if (h.statusCode === '01') doc.s01 ??= seconds;
    if (h.statusCode === '03') doc.s03 ??= seconds;
  }

  async function pollLoop(unit: LoadUnit): Promise<void> {
    await sleep(Math.random() * pollMs);
    while (polling) {
      await pollMailbox(unit, 'edoc');
      await pollMailbox(unit, 'status');
      if (polling) await sleep(pollMs * (0.8 + Math.random() * 0.4));
    }
  }

  const progress = setInterval(() => {
    let received = 0;
    for (const d of docs.values()) if (d.received) received += 1;
    options.onProgress?.({
      elapsedSeconds: Math.round(elapsed()),
      phase: sending ? 'sending' : 'draining',
      documentsSent: docs.size,
      documentsReceived: received,
      statusesReceived: statusesReceived.size,
      errors: [...errors.values()].reduce((a, b) => a + b, 0),
      inFlight,
    });
  }, 2000);

  const pollers = units.map(pollLoop);
  const sends: Promise<void>[] = [];
  const intervalMs = 60_000 / options.docsPerMinute;
  const endAt = started + options.durationSeconds * 1000;
  for (let seq = 1; sending; seq += 1) {
    const due = started + (seq - 1) * intervalMs;
    if (due >= endAt) break;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    scheduled += 1;
    // Back-pressure: when the axis cannot keep up, the schedule falls behind instead of piling requests.
    while (inFlight >= maxInFlight) await sleep(5);
    inFlight += 1;
    const sent = sendDocument(seq).finally(() => (inFlight -= 1));
    sends.push(sent);
  }
  await Promise.all(sends);
  const sendingSeconds = elapsed();
  sending = false;

  // Drain: keep polling until everything acknowledged to our units has arrived, or the drain time is up.
  const drainEnd = performance.now() + drainMs;
  const outstanding = () =>
    [...docs.values()].some((d) => d.senderId && !d.received && d.to !== options.sutCode) ||
    [...statusesAcked.keys()].some((id) => !statusesReceived.has(id));
  while (performance.now() < drainEnd && outstanding()) await sleep(250);
  polling = false;
  await Promise.all(pollers);
  clearInterval(progress);

  const acknowledged = [...docs.values()].filter((d) => d.senderId);
  const toUnits = acknowledged.filter((d) => d.to !== options.sutCode);
  const toSut = acknowledged.filter((d) => d.to === options.sutCode);
  // Not seen by its recipient: lost if the axis holds no delivery of it, else only not fetched yet.
  const heldByAxis = async (senderId: string): Promise<boolean> => {
    const response = await options.control.call('GET', `/packets/${senderId}`);
    const body = response.ok ? ((await response.json()) as { deliveries: unknown[] }) : undefined;
    return !!body && body.deliveries.length > 0;
  };
  const unseen = {
    documents: toUnits.filter((d) => !d.received).map((d) => d.senderId as string),
    statuses: [...statusesAcked].filter(([id]) => !statusesReceived.has(id)).map(([, senderId]) => senderId),
    sutDocuments: toSut.map((d) => d.senderId as string),
  };
  const lostDetail = { documents: 0, statuses: 0, sutDocuments: 0 };
  let notFetched = 0;
  for (const kind of ['documents', 'statuses', 'sutDocuments'] as const) {
    for (const senderId of unseen[kind]) {
      if (!(await heldByAxis(senderId))) lostDetail[kind] += 1;
      else if (kind !== 'sutDocuments') notFetched += 1;
    }
  }
  const sutLost = lostDetail.sutDocuments;
  const total = elapsed();

  const result: LoadResult = {
    config: { units: units.length, docsPerMinute: options.docsPerMinute, durationSeconds: options.durationSeconds, pollSeconds: pollMs / 1000, sutCode: options.sutCode },
    elapsedSeconds: Math.round(total * 10) / 10,
    documents: {
      scheduled,
      sent: docs.size,
      acknowledged: acknowledged.length,
      delivered: toUnits.filter((d) => d.received).length + (toSut.length - sutLost),
      toSut: toSut.length,
      perMinuteAchieved: Math.round((acknowledged.length / sendingSeconds) * 60 * 10) / 10,
    },
    statuses: { sent: statusesSent.size, acknowledged: statusesAcked.size, delivered: statusesReceived.size },
    requests: { total: requests, perSecond: Math.round((requests / total) * 10) / 10 },
    errors: { total: [...errors.values()].reduce((a, b) => a + b, 0), byKind: Object.fromEntries(errors) },
    lost: lostDetail.documents + lostDetail.statuses + lostDetail.sutDocuments,
    lostDetail,
    notFetched,
    latency: latencies.summary(),
  };
  if (options.sutCode) {
    result.sut = {
      code: options.sutCode,
      documents: toSut.length,
      status01: summarize(toSut.flatMap((d) => (d.s01 === undefined ? [] : [d.s01]))),
      status03: summarize(toSut.flatMap((d) => (d.s03 === undefined ? [] : [d.s03]))),
      unanswered01: toSut.filter((d) => d.s01 === undefined).length,
      unanswered03: toSut.filter((d) => d.s03 === undefined).length,
    };
  }
  return result;
}

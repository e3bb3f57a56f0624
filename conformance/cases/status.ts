// Status feedback (ST): every status packet the SUT sends during the run, outside fault windows
// (docs/conformance.md, "Status feedback"; QCVN 102:2016 status packets). Packet rules come from the validator's
// findings the simulator journaled at intake; the order of statuses from edxml checkStatusSequence.
import type { Finding } from '../../edxml/finding.ts';
import { checkStatusSequence, type StatusTrackEvent } from '../../edxml/status.ts';
import { isDesignedToBeRejected } from '../case-documents.ts';
import { defineCase, type CaseDefinition, type JudgeContext } from '../case.ts';
import type { JournalEntry } from '../journal-view.ts';
import { sameOrgan } from './support/agencies.ts';
import { deliveredDocuments } from './support/journal/delivered.ts';
import {
  header,
  inFaultWindow,
  injectionsToSut,
  isSend,
  packetOf,
  type SentStatus,
  sutEdocs,
  sutStatuses,
  sutTraffic,
} from './support/journal/traffic.ts';
import { statusCodeOf, statusesAbout } from './support/journal/sent-packets.ts';
import { entryLabel, listed, skipWhenNothingObserved, statusLabel, text } from './support/judgement/text.ts';
import { implausibility, plausibleTimestamp } from './support/judgement/timestamps.ts';

const STATUS_PACKETS = text('gói tin trạng thái nào', 'status packet');

/** The SUT's status sends outside fault windows, accepted or not (a refused one is still its packet). */
function statusSends(ctx: JudgeContext): JournalEntry[] {
  return sutTraffic(ctx).filter((e) => isSend(e) && (header(e, 'messagetype')?.trim().toLowerCase() === 'status' || packetOf(e)?.kind === 'status'));
}

/** The SUT's accepted status packets outside fault windows. */
function statusesInScope(ctx: JudgeContext): SentStatus[] {
  const windows = ctx.faultWindows();
  return sutStatuses(ctx.entries(), ctx.run.sutCode).filter((s) => !inFaultWindow(s.entry, windows));
}

/** Findings of the given categories on the SUT's status packets, with the entries carrying them. */
function statusFindings(ctx: JudgeContext, categories: ReadonlySet<Finding['category']>): Finding[] {
  const findings: Finding[] = [];
  for (const entry of statusSends(ctx)) {
    const own = entry.findings.filter((f) => categories.has(f.category));
    if (own.length) ctx.evidence(entry);
    findings.push(...own.map((f) => ({ ...f, path: `#${entry.id} ${f.path}` })));
  }
  return findings;
}

const STRUCTURE: ReadonlySet<Finding['category']> = new Set(['xml', 'structure', 'date']);
/** ST-01 requires all four ResponseFor fields, so a missing DocumentId (a validator warning) fails it. */
const DOCUMENT_ID_MISSING = 'EDXML-STRUCT-005';

/**
 * ST-01: structure from the validator, and, stricter than `truc validate` (the catalogue requires
 * them in every status packet), all four ResponseFor fields and StaffInfo present.
 */
const st01 = defineCase<void, void>({
  id: 'ST-01',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const expected = text(
      'Mọi gói tin trạng thái đúng cấu trúc, có From, ResponseFor (đủ bốn trường), StatusCode, Timestamp và StaffInfo',
      'Every status packet is well-formed with From, ResponseFor (all four fields), StatusCode, Timestamp and StaffInfo',
    );
    const sends = statusSends(ctx);
    skipWhenNothingObserved(ctx, sends.length, STATUS_PACKETS);
    const missing: string[] = [];
    for (const entry of sends) {
      const packet = packetOf(entry);
      if (packet?.kind !== 'status') continue;
      const h = packet.header;
      const absent = [
        ['ResponseFor/OrganId', h.responseFor?.organId],
        ['ResponseFor/Code', h.responseFor?.code],
        ['ResponseFor/PromulgationDate', h.responseFor?.promulgationDate],
        ['ResponseFor/DocumentId', h.responseFor?.documentId],
        ['StaffInfo', h.staffInfo && Object.values(h.staffInfo).some((v) => v?.trim()) ? 'present' : undefined],
      ]
        .filter(([, value]) => !value?.trim())
        .map(([name]) => name);
      if (absent.length) {
        ctx.evidence(entry);
        missing.push(`${entryLabel(entry)}: ${absent.join(', ')}`);
      }
    }
    if (missing.length) ctx.fail(expected, text(`Thiếu trường: ${listed(missing)}`, `Missing fields: ${listed(missing)}`));
    ctx.judgeFindings(statusFindings(ctx, STRUCTURE), expected, { stricter: [DOCUMENT_ID_MISSING] });
    ctx.evidence(...sends.slice(0, 20));
    ctx.pass(text(`${sends.length} gói tin trạng thái đều đủ trường`, `${sends.length} status packets, all complete`));
  },
});

const st02 = defineCase<void, void>({
  id: 'ST-02',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const expected = text(
      'StatusCode thuộc {01, 02, 03, 04, 05, 06, 13, 15, 16}, viết đủ hai chữ số',
      'StatusCode is one of {01, 02, 03, 04, 05, 06, 13, 15, 16}, written with two digits',
    );
    skipWhenNothingObserved(ctx, statusSends(ctx).length, STATUS_PACKETS);
    ctx.judgeFindings(statusFindings(ctx, new Set(['status'])), expected);
    ctx.pass(text('Mọi mã trạng thái đều hợp lệ', 'Every status code is valid'));
  },
});

/**
 * ST-03: per (document, recipient) — the SUT is the recipient, so per document — the statuses it
 * sent, in order, interleaved with the business requests it received about that document (a
 * revocation / update / replacement packet is answered about itself; a 13 about the document it
 * names), checked by edxml checkStatusSequence over the whole track. Faults make a track's
 * statuses repeat or go missing legitimately, so a finding counts only when the status it names and
 * the event before it were both outside fault windows; leaving whole tracks out instead would hide
 * a real defect whenever handling merely went on while a resilience case held a fault open.
 */
const st03 = defineCase<void, void>({
  id: 'ST-03',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const sut = ctx.run.sutCode;
    const windows = ctx.faultWindows();
    const tracks = new Map<string, { entry: JournalEntry; event: StatusTrackEvent }[]>();
    const add = (key: string, entry: JournalEntry, event: StatusTrackEvent) => {
      const track = tracks.get(key) ?? [];
      track.push({ entry, event });
      tracks.set(key, track);
    };
    for (const entry of injectionsToSut(ctx.entries(), sut)) {
      const packet = packetOf(entry);
      if (packet?.kind === 'edoc' && packet.business?.bussinessDocType && ['1', '2', '3'].includes(packet.business.bussinessDocType) && packet.header.documentId) {
        add(packet.header.documentId, entry, { businessDocType: packet.business.bussinessDocType as '1' | '2' | '3' });
      }
      if (packet?.kind === 'status' && statusCodeOf({ entry, packet }) === '13' && packet.header.responseFor?.documentId) {
        add(packet.header.responseFor.documentId, entry, { statusCode: '13' });
      }
    }
    for (const s of sutStatuses(ctx.entries(), sut)) {
      const r = s.packet.header.responseFor;
      if (!r?.documentId) continue;
      // A 13 the SUT sends is the issuer's request to one recipient: its own track per recipient.
      const key = statusCodeOf(s) === '13' ? `${r.documentId}|13→${r.organId ?? ''}` : r.documentId;
      add(key, s.entry, { statusCode: s.packet.header.statusCode ?? '', timestamp: s.packet.header.timestamp, path: `#${s.entry.id} StatusCode` });
    }
    const findings: Finding[] = [];
    let judged = 0;
    for (const [key, track] of tracks) {
      const ordered = [...track].sort((a, b) => a.entry.id - b.entry.id);
      const clear = ordered.map((t) => !inFaultWindow(t.entry, windows));
      if (!clear.includes(true)) continue;
      judged++;
      const at = new Map(ordered.map((t, i) => ['path' in t.event ? t.event.path : undefined, i]));
      const found = checkStatusSequence(ordered.map((t) => t.event)).filter((f) => {
        const i = at.get(f.path);
        return i === undefined || (clear[i] && (i === 0 || clear[i - 1]));
      });
      if (found.length) ctx.evidence(...ordered.map((t) => t.entry));
      findings.push(...found.map((f) => ({ ...f, path: `${key}: ${f.path}` })));
    }
    skipWhenNothingObserved(ctx, judged, text('trạng thái nào cho văn bản đã nhận', 'status about a received document'));
    ctx.judgeFindings(
      findings,
      text(
        'Trình tự trạng thái hợp lệ: 01 → (02 | 03) → 04 → 05* → 06, thời điểm không lùi',
        'A legal status track: 01 → (02 | 03) → 04 → 05* → 06, timestamps never decreasing',
      ),
    );
    ctx.pass(text(`${judged} trình tự trạng thái đều hợp lệ`, `${judged} status tracks, all legal`));
  },
});

/**
 * ST-04: each document delivered to the SUT and not rejected gets its 01 within the receipt
 * deadline of the timing profile, measured from the delivery to the 01's arrival at the axis.
 */
const st04 = defineCase<void, void>({
  id: 'ST-04',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const sut = ctx.run.sutCode;
    const expected = text(
      `Trạng thái 01 đến trong ${ctx.run.timing.responseSeconds} giây kể từ khi văn bản được chuyển`,
      `Status 01 arrives within ${ctx.run.timing.responseSeconds} s of the delivery`,
    );
    const late: string[] = [];
    let judged = 0;
    for (const delivered of deliveredDocuments(ctx.entries(), sut, ctx.faultWindows())) {
      if (delivered.business) continue;
      // Only documents designed to be rejected are left out: a valid one answered 02 still owes its 01.
      if (isDesignedToBeRejected(delivered.document.documentId)) continue;
      const statuses = statusesAbout(ctx.entries(), sut, delivered.document);
      judged++;
      const first = delivered.deliveries[0];
      const receipt = statuses.find((s) => statusCodeOf(s) === '01');
      if (!receipt) {
        ctx.evidence(first);
        late.push(`${delivered.document.documentId}: 01 ∅`);
        continue;
      }
      // Judged on when the 01 arrived, as the case waiting for it judges it (a harness pause is not the SUT's delay).
      const arrived = ctx.run.earliestArrival?.(receipt.entry.time) ?? receipt.entry.time.getTime();
      const delay = arrived - first.time.getTime();
      // One deadline per document: the one its case declared (R-10's large document), else the profile's.
      const documentDeadlineMs = (ctx.run.documentDeadlineSeconds?.(delivered.document.documentId) ?? ctx.run.timing.responseSeconds) * 1000;
      if (delay > documentDeadlineMs) {
        ctx.evidence(first, receipt.entry);
        late.push(`${delivered.document.documentId}: ${(delay / 1000).toFixed(1)} s`);
      }
    }
    if (late.length) ctx.fail(expected, text(`01 trễ hoặc không có: ${listed(late)}`, `01 late or missing: ${listed(late)}`));
    ctx.pass(text(`${judged} văn bản, 01 đều đúng hạn`, `${judged} documents, every 01 in time`));
  },
});

const st05 = defineCase<void, void>({
  id: 'ST-05',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const rejections = statusesInScope(ctx).filter((s) => statusCodeOf(s) === '02');
    skipWhenNothingObserved(ctx, rejections.length, text('trạng thái 02 nào', 'status 02'));
    const bare = rejections.filter((s) => !(s.packet.header.description ?? '').trim());
    const expected = text('Mỗi trạng thái 02 có lý do (Description không rỗng)', 'Every 02 carries a non-empty Description');
    if (bare.length) {
      ctx.evidence(...bare.map((s) => s.entry));
      ctx.fail(expected, text(`02 không có lý do: ${listed(bare.map(statusLabel))}`, `02 without a reason: ${listed(bare.map(statusLabel))}`));
    }
    ctx.evidence(...rejections.map((s) => s.entry));
    ctx.pass(text(`${rejections.length} trạng thái 02 đều có lý do`, `${rejections.length} statuses 02, each with a reason`));
  },
});

/**
 * ST-06: ResponseFor/OrganId is the addressee: the original issuer for 01–06, 15, 16 (the issuer
 * of the document, or of the business packet answered), a recipient of the SUT's own document for
 * 13. A status naming a document the run never saw cannot be attributed and is left to the cases
 * that own it.
 */
const st06 = defineCase<void, void>({
  id: 'ST-06',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const sut = ctx.run.sutCode;
    const issuers = new Map<string, string>();
    for (const d of deliveredDocuments(ctx.entries(), sut, [])) issuers.set(d.document.documentId, d.document.from);
    for (const entry of injectionsToSut(ctx.entries(), sut)) {
      const packet = packetOf(entry);
      // A 13 received: the SUT's 15/16 answers it about the document it names, to the 13's sender.
      if (packet?.kind === 'status' && packet.header.responseFor?.documentId && packet.header.from?.organId) {
        issuers.set(packet.header.responseFor.documentId, packet.header.from.organId);
      }
    }
    const recipients = new Map<string, string[]>();
    for (const { packet } of sutEdocs(ctx.entries(), sut)) {
      if (packet.header.documentId) recipients.set(packet.header.documentId, packet.header.to.map((o) => o.organId ?? ''));
    }
    const wrong: string[] = [];
    let judged = 0;
    for (const s of statusesInScope(ctx)) {
      const r = s.packet.header.responseFor;
      if (!r?.documentId) continue;
      const addressee = r.organId ?? '';
      const entitled = statusCodeOf(s) === '13' ? recipients.get(r.documentId) : issuers.has(r.documentId) ? [issuers.get(r.documentId) as string] : undefined;
      if (!entitled) continue;
      judged++;
      if (!entitled.some((code) => sameOrgan(code, addressee))) {
        ctx.evidence(s.entry);
        wrong.push(`${statusLabel(s)} → ${addressee || '∅'} ∉ {${entitled.join(', ')}}`);
      }
    }
    skipWhenNothingObserved(ctx, judged, text('trạng thái nào về văn bản của lượt kiểm thử', 'status about a document of the run'));
    if (wrong.length) {
      ctx.fail(
        text('Mỗi trạng thái gửi tới cơ quan được nhận nó (ResponseFor/OrganId)', 'Each status goes to the agency entitled to it (ResponseFor/OrganId)'),
        text(`Gửi sai nơi: ${listed(wrong)}`, `Sent to the wrong agency: ${listed(wrong)}`),
      );
    }
    ctx.pass(text(`${judged} trạng thái đều gửi đúng nơi`, `${judged} statuses, each to the right agency`));
  },
});

/**
 * ST-07: every status packet's Timestamp is Vietnam time (UTC+7, no zone: QCVN 102:2016) and was
 * written when the packet was sent: within 10 minutes of the axis's receipt, as S-05 asks of the
 * TraceHeader. A system writing UTC is 7 hours behind and is told so.
 */
const st07 = defineCase<void, void>({
  id: 'ST-07',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const expected = text(
      'Timestamp của mọi gói tin trạng thái là giờ Việt Nam (UTC+7), trong vòng 10 phút so với lúc trục nhận',
      'Every status packet’s Timestamp is Vietnam time (UTC+7), within 10 minutes of the axis receipt',
    );
    const statuses = statusesInScope(ctx);
    skipWhenNothingObserved(ctx, statuses.length, STATUS_PACKETS);
    const wrong: { vi: string; en: string }[] = [];
    for (const s of statuses) {
      const stamp = s.packet.header.timestamp;
      if (plausibleTimestamp(stamp, s.entry.time)) continue;
      ctx.evidence(s.entry);
      const why = implausibility(stamp, s.entry.time);
      wrong.push({ vi: `${statusLabel(s)} ${stamp ?? '∅'}: ${why.vi}`, en: `${statusLabel(s)} ${stamp ?? '∅'}: ${why.en}` });
    }
    if (wrong.length) {
      ctx.fail(expected, text(`Timestamp không hợp lý: ${listed(wrong.map((w) => w.vi))}`, `Implausible Timestamp: ${listed(wrong.map((w) => w.en))}`));
    }
    ctx.evidence(...statuses.slice(0, 20).map((s) => s.entry));
    ctx.pass(text(`${statuses.length} trạng thái đều ghi giờ Việt Nam hợp lý`, `${statuses.length} statuses, each timestamped in plausible Vietnam time`));
  },
});

export const statusCases: CaseDefinition[] = [st01, st02, st03, st04, st05, st06, st07];

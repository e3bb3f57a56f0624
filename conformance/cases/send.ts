// Send (S-01…S-08): the SUT sends a document when triggered. Each case gives it its own
// counterparts as recipients and its own document number, waits for the axis to accept the
// packet, and judges what the simulator's intake journaled about it (the validator's findings,
// the recipients, the deliveries), then the statuses that come back and the SUT's follow-up calls.
import { buildPacket } from '../../edxml/build.ts';
import { composeStatus } from '../../edxml/compose.ts';
import type { LocalizedText } from '../../edxml/finding.ts';
import { vietnamTimestamp } from '../../edxml/dates.ts';
import { sameAgency } from '../../edxml/identifiers.ts';
import { defineCase, type CaseContext, type CaseDefinition } from '../case.ts';
import type { TriggerDocument } from '../drivers/trigger.ts';
import type { JournalEntry } from '../journal-view.ts';
import {
  attachmentFindings,
  documentIdFindings,
  type FindingSelector,
  layoutFindings,
  metadataFindings,
  sentFindingsCase,
} from './support/judgement/findings.ts';
import { awaitHandled, sendByTrigger } from './support/waits.ts';
import { plausibleTimestamp } from './support/judgement/timestamps.ts';
import { deliver, receiverIdsOf } from './support/counterparts/inject.ts';
import { header, inFaultWindow, isOk, isSutCall } from './support/journal/traffic.ts';
import { sentDocumentFacts, sentEdocHeader } from './support/journal/sent-packets.ts';
import { triggerDocument } from '../case-documents.ts';
import { counterpartName } from './support/counterparts/build.ts';

interface Sent {
  doc: TriggerDocument;
  entry: JournalEntry;
}

/** Triggers one send to the case's counterparts and waits for the axis to accept it. */
const sendToCounterparts = async (ctx: CaseContext): Promise<Sent> => {
  const doc = triggerDocument(ctx);
  const entry = await sendByTrigger(ctx, doc, ctx.agencies);
  return { doc, entry };
};

const sendEntry = async (ctx: CaseContext): Promise<JournalEntry> => (await sendToCounterparts(ctx)).entry;

const findingsCase = (id: string, select: FindingSelector, expected: LocalizedText, passed: LocalizedText): CaseDefinition =>
  sentFindingsCase({ id, send: sendEntry, select, expected, passed });

const s01 = findingsCase(
  'S-01',
  layoutFindings,
  {
    vi: 'Gói tin là edXML đúng cú pháp, thuộc không gian tên QCVN 102, đúng bố cục envelope / header / body / manifest',
    en: 'The packet is well-formed edXML in the QCVN 102 namespace with the envelope / header / body / manifest layout',
  },
  { vi: 'Gói tin đúng cấu trúc edXML', en: 'The packet is well-formed edXML' },
);

const s02 = findingsCase(
  'S-02',
  metadataFindings,
  {
    vi: 'Có đủ và đúng From, To (ít nhất một, không trùng), CodeNumber, CodeNotation, PromulgationDate, DocumentType, Subject',
    en: 'From, To (at least one, unique), CodeNumber, CodeNotation, PromulgationDate, DocumentType and Subject are present and valid',
  },
  { vi: 'Siêu dữ liệu bắt buộc đầy đủ và hợp lệ', en: 'Mandatory metadata is present and valid' },
);

// DocumentId rules are warnings in the validator and S-03 is recommended: either way a deviation is `warn`.
const s03 = findingsCase(
  'S-03',
  documentIdFindings,
  {
    vi: 'DocumentId có mặt, dạng {From},{ngày},{số}/{ký hiệu} và khớp các trường khác',
    en: 'DocumentId is present, shaped {From},{date},{number}/{notation} and consistent with the other fields',
  },
  { vi: 'DocumentId đúng dạng và thống nhất', en: 'DocumentId is well-formed and consistent' },
);

const s04 = findingsCase(
  'S-04',
  attachmentFindings,
  {
    vi: 'Danh mục và tệp đính kèm khớp một-một, base64 giải mã được, có tên tệp',
    en: 'Manifest and payloads correspond one to one, base64 decodes, names are present',
  },
  { vi: 'Tệp đính kèm đúng quy định', en: 'Attachments are correct' },
);

const s05Expected: LocalizedText = {
  vi: 'TraceHeaderList có TraceHeader của chính bên gửi, thời điểm trong vòng 10 phút so với lúc trục nhận',
  en: 'TraceHeaderList carries the sender’s own TraceHeader, timestamped within 10 minutes of the axis receipt',
};

const s05 = defineCase<undefined, Sent>({
  id: 'S-05',
  counterparts: 1,
  schedule: 'concurrent',
  await: sendToCounterparts,
  assert: (ctx, _state, { entry }) => {
    const packet = sentEdocHeader(entry);
    if (!packet) return ctx.fail(s05Expected, { vi: 'Không đọc được phần đầu gói tin', en: 'The packet header cannot be read' });
    const from = packet.header.from?.organId?.trim() ?? ctx.run.sutCode;
    const own = packet.traceHeaders.filter((t) => t.organId !== undefined && sameAgency(t.organId.trim(), from));
    if (own.length === 0) {
      const seen = packet.traceHeaders.map((t) => t.organId ?? '?').join(', ') || '—';
      ctx.fail(s05Expected, { vi: `Không có TraceHeader của ${from} (thấy: ${seen})`, en: `No TraceHeader of ${from} (seen: ${seen})` });
    }
    const plausible = own.find((t) => plausibleTimestamp(t.timestamp, entry.time));
    if (!plausible) {
      const stamps = own.map((t) => t.timestamp ?? '—').join(', ');
      return ctx.fail(s05Expected, {
        vi: `Thời điểm TraceHeader của ${from} không hợp lý: ${stamps}`,
        en: `The TraceHeader timestamp of ${from} is not plausible: ${stamps}`,
      });
    }
    ctx.pass({ vi: `TraceHeader của ${from} lúc ${plausible.timestamp}`, en: `TraceHeader of ${from} at ${plausible.timestamp}` });
  },
});

const s06Expected: LocalizedText = {
  vi: 'Một gói tin duy nhất liệt kê tất cả nơi nhận trong To, mỗi nơi nhận có một bản chuyển',
  en: 'One packet listing every recipient in To, with a delivery for each',
};

const s06 = defineCase<undefined, Sent>({
  id: 'S-06',
  counterparts: 2,
  schedule: 'concurrent',
  await: sendToCounterparts,
  assert: (ctx, _state, { entry }) => {
    const to = sentEdocHeader(entry)?.header.to.map((o) => o.organId?.trim() ?? '') ?? entry.agencies;
    const missing = ctx.agencies.filter((code) => !to.some((written) => sameAgency(written, code)));
    if (missing.length) {
      ctx.fail(s06Expected, {
        vi: `Gói tin thiếu nơi nhận ${missing.join(', ')} trong To`,
        en: `The packet lacks the recipients ${missing.join(', ')} in To`,
      });
    }
    const deliveries = entry.receiverIds?.length ?? 0;
    if (deliveries < ctx.agencies.length) {
      ctx.fail(s06Expected, {
        vi: `Trục chỉ tạo ${deliveries} bản chuyển cho ${ctx.agencies.length} nơi nhận`,
        en: `The axis made only ${deliveries} deliveries for ${ctx.agencies.length} recipients`,
      });
    }
  },
  absence: (ctx) => {
    const sends = ctx.entries().filter((e) => isOk(e) && isSutCall(e, ctx.run.sutCode) && e.operation === 'sendEdoc' && e.statusCode === undefined && ctx.agencies.some((a) => e.agencies.includes(a)));
    ctx.evidence(...sends);
    if (sends.length > 1) {
      ctx.fail(s06Expected, {
        vi: `Hệ thống gửi ${sends.length} gói tin cho một văn bản`,
        en: `The system sent ${sends.length} packets for one document`,
      });
    }
    ctx.pass({ vi: 'Một gói tin cho mọi nơi nhận, mỗi nơi có bản chuyển', en: 'One packet for all recipients, each delivered' });
  },
});

const S07_CODES = ['01', '03', '04', '05', '06'];
const DONE: ReadonlySet<string> = new Set(['done']);

interface Injected {
  code: string;
  from: string;
  receiverIds: string[];
}

const s07Expected = (code: string, from: string): LocalizedText => ({
  vi: `Hệ thống lấy về và xác nhận done gói trạng thái ${code} từ ${from}`,
  en: `The system fetches and acknowledges done the status ${code} from ${from}`,
});

/**
 * Plays both recipients of the SUT's document: the first walks the whole processing track, the
 * second rejects it. Each status goes through the axis; the SUT must fetch and acknowledge each.
 */
const s07 = defineCase<undefined, Injected[]>({
  id: 'S-07',
  counterparts: 2,
  schedule: 'concurrent',
  await: async (ctx) => {
    const { doc, entry } = await sendToCounterparts(ctx);
    const facts = sentDocumentFacts(entry, doc);
    const issuer = sentEdocHeader(entry)?.header.from?.organId?.trim() ?? ctx.run.sutCode;
    const [accepting, rejecting] = ctx.agencies;
    const plan = [...S07_CODES.map((code) => ({ code, from: accepting })), { code: '02', from: rejecting }];
    const injected: Injected[] = [];
    for (const { code, from } of plan) {
      const bytes = buildPacket(
        composeStatus({
          from: { organId: from, organName: counterpartName(from) },
          responseFor: { organId: issuer, code: facts.code, promulgationDate: facts.promulgationDate, documentId: facts.documentId },
          statusCode: code,
          description: code === '02' ? 'Gửi nhầm nơi nhận (thử nghiệm) / wrong recipient (test)' : undefined,
          timestamp: vietnamTimestamp(new Date()),
          staffInfo: { department: 'Văn thư', staff: 'Người thử nghiệm' },
        }),
      );
      const injection = await deliver(ctx, { from, bytes, messageType: 'status' });
      injected.push({ code, from, receiverIds: receiverIdsOf(injection) });
    }
    for (const status of injected) await awaitHandled(ctx, status.receiverIds, s07Expected(status.code, status.from), DONE);
    return injected;
  },
  assert: (ctx, _state, injected) => {
    ctx.pass({
      vi: `Đã lấy về và xác nhận ${injected.length} gói trạng thái (${injected.map((s) => s.code).join(', ')})`,
      en: `Fetched and acknowledged ${injected.length} status packets (${injected.map((s) => s.code).join(', ')})`,
    });
  },
});

const s08Expected: LocalizedText = {
  vi: 'getSentEdocList chỉ được gọi với mã gửi (DocId) của gói tin do chính hệ thống gửi',
  en: 'getSentEdocList is called only with sender ids (DocId) of packets the system itself sent',
};

/** Gives the SUT a sent document to follow, then judges every getSentEdocList call of the run. */
const s08 = defineCase<undefined, Sent>({
  id: 'S-08',
  counterparts: 1,
  schedule: 'concurrent',
  await: sendToCounterparts,
  absence: (ctx) => {
    const sut = ctx.run.sutCode;
    const own = new Set(
      ctx
        .entries()
        .filter((e) => e.operation === 'sendEdoc' && isOk(e) && isSutCall(e, sut) && e.senderId !== undefined)
        .map((e) => e.senderId),
    );
    // Run-wide scope: calls the simulator faulted (or held in a silence) are left out.
    const windows = ctx.faultWindows();
    const calls = ctx.entries().filter((e) => e.operation === 'getSentEdocList' && isSutCall(e, sut) && !inFaultWindow(e, windows));
    const foreign = calls.filter((e) => !own.has(header(e, 'docId')));
    if (foreign.length) {
      ctx.evidence(...foreign);
      const ids = foreign.map((e) => header(e, 'docId') ?? '—').join(', ');
      ctx.fail(s08Expected, {
        vi: `getSentEdocList được gọi với mã không phải của hệ thống: ${ids}`,
        en: `getSentEdocList was called with ids that are not the system’s: ${ids}`,
      });
    }
    ctx.evidence(...calls);
    ctx.pass(
      calls.length
        ? { vi: `${calls.length} lần gọi getSentEdocList, đều với mã của chính hệ thống`, en: `${calls.length} getSentEdocList calls, all with the system’s own ids` }
        : { vi: 'Hệ thống không dùng getSentEdocList', en: 'The system does not use getSentEdocList' },
    );
  },
});

export const sendCases: CaseDefinition[] = [s01, s02, s03, s04, s05, s06, s07, s08];

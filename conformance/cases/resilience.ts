// Resilience (F-01…F-05), profile `resilience`: each case runs alone, after every other case, with
// a fault the simulator applies to the SUT's calls only. The runner stretches the deadlines: F-04's
// start when the silence ends, F-05's grow by the added latency. What must survive the fault is
// judged like everywhere else: exactly-once delivery and registration, from the journal.
import type { LocalizedText } from '../../edxml/finding.ts';
import { CaseHarnessError, defineCase, type CaseContext, type CaseDefinition, type CaseDocument, type JudgeContext } from '../case.ts';
import type { TriggerDocument } from '../drivers/trigger.ts';
import type { JournalEntry } from '../journal-view.ts';
import { awaitHandled, awaitStatus, type Handled, sendByTrigger } from './support/waits.ts';
import { deliverDocument, deliverOrdinaryDocument, receiverIdsOf } from './support/counterparts/inject.ts';
import { isSendOf, sentEdocHeader, statusCodeOf, statusesAbout } from './support/journal/sent-packets.ts';
import { receiverIdOf } from './support/journal/traffic.ts';
import { codeOf, triggerDocument } from '../case-documents.ts';

/** The SUT's accepted sends of `doc` over the whole run (the settle window included). */
const storedSends = (ctx: JudgeContext, doc: TriggerDocument): JournalEntry[] => ctx.entries().filter((e) => isSendOf(e, ctx.run.sutCode, doc));

/** Exactly one stored packet for the document the SUT was triggered to send. */
function judgeSentOnce(ctx: JudgeContext, doc: TriggerDocument): void {
  const sends = storedSends(ctx, doc);
  ctx.evidence(...sends);
  if (sends.length !== 1) {
    ctx.fail(
      { vi: `Đúng một gói tin ${codeOf(doc)} được lưu`, en: `Exactly one packet ${codeOf(doc)} is stored` },
      { vi: `Trục đã lưu ${sends.length} gói tin ${codeOf(doc)}`, en: `The axis stored ${sends.length} packets ${codeOf(doc)}` },
    );
  }
}

/** At most one 01 and one 03 from the SUT about a document it received. */
function judgeRegisteredOnce(ctx: JudgeContext, doc: CaseDocument): void {
  const statuses = statusesAbout(ctx.entries(), ctx.run.sutCode, doc);
  for (const code of ['01', '03']) {
    const same = statuses.filter((s) => statusCodeOf(s) === code);
    ctx.evidence(...same.map((s) => s.entry));
    if (same.length > 1) {
      ctx.fail(
        { vi: `Tối đa một trạng thái ${code} cho văn bản ${doc.documentId}`, en: `At most one status ${code} for the document ${doc.documentId}` },
        { vi: `Hệ thống gửi ${same.length} trạng thái ${code}`, en: `The system sent ${same.length} statuses ${code}` },
      );
    }
  }
}

/** The SUT's calls the simulator faulted, as evidence that the fault was really met. */
const faulted = (ctx: JudgeContext, operations: readonly string[]): JournalEntry[] =>
  ctx.entries().filter((e) => e.caller === ctx.run.sutCode && e.fault !== undefined && operations.includes(e.operation));

/**
 * The fault is scoped to the SUT, not to the case's flow: another of the SUT's calls (a status it
 * was still sending, a poll) may meet it first, and the retry path the case is about then never
 * ran. The case confirms the faulted call was its own; otherwise it cannot judge and says so
 * (`error`, never a pass it did not observe).
 */
function confirmOwnFault(ctx: JudgeContext, operations: readonly string[], own: (entry: JournalEntry) => boolean, what: LocalizedText): void {
  const met = faulted(ctx, operations);
  ctx.evidence(...met);
  if (met.some(own)) return;
  const others = met.map((e) => `#${e.id} ${e.operation}`).join(', ') || '∅';
  throw new CaseHarnessError(
    'CONF-CASE-FAULT-ELSEWHERE',
    `Lỗi gây ra đã rơi vào một lần gọi khác của hệ thống (${others}), không phải ${what.vi}: đường thử lại không được kiểm tra; hãy chạy lại ca này`,
    `The injected fault was met by another call of the system (${others}), not ${what.en}: the retry path was not exercised; run the case again`,
  );
}

const f01 = defineCase<{ doc?: TriggerDocument }, JournalEntry>({
  id: 'F-01',
  counterparts: 1,
  schedule: 'alone',
  setup: () => ({}),
  await: async (ctx, state) => {
    await ctx.fault({ kind: 'fail', operations: ['sendEdoc'], count: 1 });
    state.doc = triggerDocument(ctx);
    return sendByTrigger(ctx, state.doc, ctx.agencies);
  },
  assert: (ctx, { doc }) => {
    if (!doc) return;
    const code = (e: JournalEntry) => sentEdocHeader(e)?.header.code;
    confirmOwnFault(ctx, ['sendEdoc'], (e) => code(e)?.codeNumber?.trim() === doc.codeNumber && code(e)?.codeNotation?.trim() === doc.codeNotation, {
      vi: `lần gửi văn bản ${codeOf(doc)}`,
      en: `the send of document ${codeOf(doc)}`,
    });
  },
  absence: (ctx, { doc }) => {
    if (!doc) return;
    judgeSentOnce(ctx, doc);
    ctx.pass({ vi: 'Gửi lại sau FAIL, chỉ một gói tin được lưu', en: 'Resent after the FAIL; exactly one packet stored' });
  },
});

const FETCHES = ['getEdoc', 'downloadEdoc'];

const f02 = defineCase<{ receiverIds?: string[] }, Handled>({
  id: 'F-02',
  counterparts: 1,
  schedule: 'alone',
  setup: () => ({}),
  await: async (ctx, state) => {
    await ctx.fault({ kind: 'drop', operations: FETCHES, count: 1 });
    const doc = ctx.document();
    const injection = await deliverDocument(ctx, doc, { to: [ctx.run.sutCode] });
    state.receiverIds = receiverIdsOf(injection);
    return awaitHandled(ctx, receiverIdsOf(injection), {
      vi: `Sau khi lần lấy đầu bị rớt, hệ thống lấy lại và xác nhận ${doc.documentId}`,
      en: `After the dropped first fetch, the system fetches again and acknowledges ${doc.documentId}`,
    });
  },
  assert: (ctx, state, handled) => {
    confirmOwnFault(ctx, FETCHES, (e) => (state.receiverIds ?? []).includes(receiverIdOf(e) ?? ''), { vi: 'lần lấy văn bản của ca', en: 'the fetch of the case’s document' });
    ctx.pass({ vi: `Lấy lại (#${handled.fetch.id}) và xác nhận (#${handled.ack.id})`, en: `Fetched again (#${handled.fetch.id}) and acknowledged (#${handled.ack.id})` });
  },
});

const f03 = defineCase<{ doc?: CaseDocument; receiverIds?: string[] }, Handled>({
  id: 'F-03',
  counterparts: 1,
  schedule: 'alone',
  setup: () => ({}),
  await: async (ctx, state) => {
    await ctx.fault({ kind: 'fail', operations: ['updateStatus'], count: 1 });
    const doc = ctx.document();
    state.doc = doc;
    const injection = await deliverDocument(ctx, doc, { to: [ctx.run.sutCode] });
    state.receiverIds = receiverIdsOf(injection);
    return awaitHandled(ctx, receiverIdsOf(injection), {
      vi: `Sau khi updateStatus lỗi, hệ thống xác nhận lại ${doc.documentId}`,
      en: `After the failed updateStatus, the system acknowledges ${doc.documentId} again`,
    });
  },
  assert: (ctx, state) =>
    confirmOwnFault(ctx, ['updateStatus'], (e) => (state.receiverIds ?? []).includes(receiverIdOf(e) ?? ''), {
      vi: 'lần xác nhận văn bản của ca',
      en: 'the acknowledgement of the case’s document',
    }),
  absence: (ctx, { doc }) => {
    if (!doc) return;
    judgeRegisteredOnce(ctx, doc);
    ctx.pass({ vi: 'Xác nhận lại thành công, đăng ký một lần', en: 'The acknowledgement was retried; registered once' });
  },
});

/** The silence of F-04: 5 s (the spec's default in `ci`), never longer than a response deadline. */
const silenceMs = (ctx: CaseContext): number => Math.min(5, ctx.run.timing.responseSeconds) * 1000;

interface Recovered {
  received?: CaseDocument;
  sent?: TriggerDocument;
}

const f04 = defineCase<Recovered, undefined>({
  id: 'F-04',
  counterparts: 2,
  schedule: 'alone',
  setup: () => ({}),
  await: async (ctx, state) => {
    await ctx.fault({ kind: 'silence', durationMs: silenceMs(ctx) });
    const [sender, recipient] = ctx.agencies;
    state.received = ctx.document({ issuer: 0 });
    await deliverDocument(ctx, state.received, { to: [ctx.run.sutCode] });
    state.sent = triggerDocument(ctx);
    // Deadlines of the waits below start when the silence ends (the runner adds what remains of it).
    await sendByTrigger(ctx, state.sent, [recipient]);
    await awaitStatus(ctx, state.received, '01', {
      vi: `Sau khi trục phục hồi, văn bản ${state.received.documentId} của ${sender} được trả lời 01`,
      en: `Once the axis recovers, the document ${state.received.documentId} from ${sender} is answered 01`,
    });
    return undefined;
  },
  absence: (ctx, { received, sent }) => {
    if (!received || !sent) return;
    judgeSentOnce(ctx, sent);
    judgeRegisteredOnce(ctx, received);
    ctx.pass({
      vi: 'Sau khi trục im lặng rồi phục hồi, mọi văn bản được xử lý đúng một lần',
      en: 'After the silence, every document was handled exactly once',
    });
  },
});

/** The latency of F-05 (spec default: 1 s per call). */
const LATENCY_MS = 1000;

const f05Flow = (doc: CaseDocument, code: string): LocalizedText => ({
  vi: `Với độ trễ ${LATENCY_MS} ms mỗi lần gọi, văn bản ${doc.documentId} vẫn được trả lời ${code} đúng hạn`,
  en: `With ${LATENCY_MS} ms added to each call, the document ${doc.documentId} is still answered ${code} in time`,
});

const f05 = defineCase<undefined, undefined>({
  id: 'F-05',
  counterparts: 2,
  schedule: 'alone',
  await: async (ctx) => {
    await ctx.fault({ kind: 'delay', delayMs: LATENCY_MS });
    const [, recipient] = ctx.agencies;
    const received = ctx.document({ issuer: 0 });
    const injection = await deliverOrdinaryDocument(ctx, received, { to: [ctx.run.sutCode] });
    await awaitHandled(ctx, receiverIdsOf(injection), f05Flow(received, 'done'));
    await awaitStatus(ctx, received, '01', f05Flow(received, '01'));
    await awaitStatus(ctx, received, '03', f05Flow(received, '03'));
    await sendByTrigger(ctx, triggerDocument(ctx), [recipient]);
    await ctx.endFault();
    return undefined;
  },
  assert: (ctx) =>
    ctx.pass({ vi: 'Với độ trễ thêm, nhận và gửi vẫn hoàn thành đúng hạn', en: 'With added latency, receiving and sending still completed in time' }),
});

export const resilienceCases: CaseDefinition[] = [f01, f02, f03, f04, f05];

// Business changes (B-01…B-06), profile `business`. B-01…B-04: a counterpart delivers a document,
// waits until the SUT has handled it, then revokes / updates / replaces it or asks for it back
// (13); the SUT must answer 15 or 16 — naming the business packet itself in ResponseFor, or, for a
// 13, the document it concerns. B-05, B-06: the SUT is triggered to do the same to its own
// document, and the packet it sends is judged.
import { buildPacket } from '../../edxml/build.ts';
import { composeStatus } from '../../edxml/compose.ts';
import { vietnamTimestamp } from '../../edxml/dates.ts';
import type { LocalizedText } from '../../edxml/finding.ts';
import { documentsConcerned } from '../../edxml/business.ts';
import type { Business, EdocPacket } from '../../edxml/types.ts';
import { defineCase, type CaseContext, type CaseDefinition, type CaseDocument, type JudgeContext } from '../case.ts';
import type { TriggerActionName } from '../drivers/trigger.ts';
import type { JournalEntry } from '../journal-view.ts';
import { sameOrgan } from './support/agencies.ts';
import { counterpartName } from './support/counterparts/build.ts';
import { businessFindings, findingsOf } from './support/judgement/findings.ts';
import type { SentStatus } from './support/journal/traffic.ts';
import { expectedResponseFor } from './support/judgement/response-for.ts';
import { awaitHandled, sendByTrigger } from './support/waits.ts';
import { deliver, deliverDocument, receiverIdsOf } from './support/counterparts/inject.ts';
import { isSutEdocSend, isSutStatusAbout, sentEdocHeader, statusCodeOf, statusesAbout } from './support/journal/sent-packets.ts';
import { triggerDocument } from '../case-documents.ts';

const ANSWERS = ['15', '16'];

/** Delivers a plain document from the case's first counterpart and waits until the SUT handled it. */
async function deliveredDocument(ctx: CaseContext): Promise<CaseDocument> {
  const doc = ctx.document();
  const injection = await deliverDocument(ctx, doc, { to: [ctx.run.sutCode] });
  await awaitHandled(ctx, receiverIdsOf(injection), {
    vi: `Hệ thống lấy về và xác nhận văn bản ${doc.documentId}`,
    en: `The system fetches and acknowledges the document ${doc.documentId}`,
  });
  return doc;
}

/** Waits for the SUT's 15 or 16 about `about` (a business packet, or the document a 13 concerns). */
async function awaitAnswer(ctx: CaseContext, about: CaseDocument, what: LocalizedText): Promise<SentStatus> {
  const answer = await ctx.waitUntil(
    (entries) => statusesAbout(entries, ctx.run.sutCode, about).find((s) => ANSWERS.includes(statusCodeOf(s))),
    {
      expected: {
        vi: `Hệ thống trả lời 15 hoặc 16 cho ${what.vi} (ResponseFor/DocumentId = ${about.documentId})`,
        en: `The system answers ${what.en} with 15 or 16 (ResponseFor/DocumentId = ${about.documentId})`,
      },
    },
  );
  ctx.evidence(answer.entry);
  return answer;
}

const answered = (answer: SentStatus, what: LocalizedText): LocalizedText => ({
  vi: `${what.vi} được trả lời ${statusCodeOf(answer)} (#${answer.entry.id})`,
  en: `${what.en} was answered ${statusCodeOf(answer)} (#${answer.entry.id})`,
});

/** A revocation / update / replacement of `original`, issued by the same counterpart. */
async function sendBusinessPacket(ctx: CaseContext, original: CaseDocument, business: Partial<Business> & { bussinessDocType: string }): Promise<CaseDocument> {
  const packet = ctx.document();
  await deliverDocument(ctx, packet, {
    to: [ctx.run.sutCode],
    subject: `Văn bản nghiệp vụ (loại ${business.bussinessDocType}) về ${original.documentId}`,
    business: {
      bussinessDocReason: 'Thử nghiệm nghiệp vụ / business change test',
      documentId: original.documentId,
      paper: '0',
      staffInfo: { department: 'Văn thư', staff: 'Người thử nghiệm' },
      ...business,
    },
  });
  return packet;
}

interface Answered {
  original: CaseDocument;
  packet: CaseDocument;
  answer: SentStatus;
}

const businessAnswerCase = (
  id: string,
  counterparts: number,
  what: LocalizedText,
  business: (ctx: CaseContext, original: CaseDocument) => Partial<Business> & { bussinessDocType: string },
  absence?: (ctx: JudgeContext, state: Answered) => void,
): CaseDefinition =>
  // The state is filled as the positive phase goes, so the absence check sees what it found.
  defineCase<Partial<Answered>, SentStatus>({
    id,
    counterparts,
    schedule: 'concurrent',
    setup: () => ({}),
    await: async (ctx, state) => {
      state.original = await deliveredDocument(ctx);
      state.packet = await sendBusinessPacket(ctx, state.original, business(ctx, state.original));
      state.answer = await awaitAnswer(ctx, state.packet, what);
      return state.answer;
    },
    assert: (ctx, _state, answer) => ctx.pass(answered(answer, what)),
    ...(absence
      ? {
          absence: (ctx: JudgeContext, state: Partial<Answered>) => {
            if (state.original && state.packet && state.answer) absence(ctx, { original: state.original, packet: state.packet, answer: state.answer });
          },
        }
      : {}),
  });

const b01 = businessAnswerCase('B-01', 1, { vi: 'văn bản thu hồi', en: 'the revocation' }, () => ({ bussinessDocType: '1' }));

const b02 = businessAnswerCase('B-02', 2, { vi: 'văn bản cập nhật nơi nhận', en: 'the update of recipients' }, (ctx) => ({
  bussinessDocType: '2',
  documentInfo: {
    documentInfo: '0',
    documentReceiver: '1',
    receivers: [
      { organId: ctx.agencies[1], receiverType: '1' },
      { organId: ctx.run.sutCode, receiverType: '0' },
    ],
  },
}));

const b03Expected: LocalizedText = {
  vi: 'Sau khi đồng ý thay thế (15), hệ thống không gửi 04/05/06 cho văn bản bị thay thế',
  en: 'After agreeing to the replacement (15), the system sends no 04/05/06 for the replaced document',
};

const b03 = businessAnswerCase(
  'B-03',
  1,
  { vi: 'văn bản thay thế', en: 'the replacement' },
  (ctx, original) => ({ bussinessDocType: '3', replacements: [{ documentId: original.documentId, organIds: [ctx.run.sutCode] }] }),
  (ctx, { original, answer }) => {
    if (statusCodeOf(answer) !== '15') return;
    const later = ctx
      .entries()
      .filter((e) => e.id > answer.entry.id && isSutStatusAbout(e, ctx.run.sutCode, original.documentId, ['04', '05', '06']));
    if (later.length) {
      ctx.evidence(...later);
      ctx.fail(b03Expected, {
        vi: `Hệ thống vẫn gửi ${later.map((e) => `${e.statusCode} #${e.id}`).join(', ')} sau khi đồng ý thay thế`,
        en: `The system still sent ${later.map((e) => `${e.statusCode} #${e.id}`).join(', ')} after agreeing to the replacement`,
      });
    }
  },
);

const b04What: LocalizedText = { vi: 'yêu cầu lấy lại (13)', en: 'the take-back request (13)' };

const b04 = defineCase<undefined, SentStatus>({
  id: 'B-04',
  counterparts: 1,
  schedule: 'concurrent',
  await: async (ctx) => {
    const doc = await deliveredDocument(ctx);
    // For a 13 the addressee is the recipient (the SUT); the document is named as its issuer wrote it.
    const bytes = buildPacket(
      composeStatus({
        from: { organId: doc.from, organName: counterpartName(doc.from) },
        responseFor: { ...expectedResponseFor(doc), organId: ctx.run.sutCode },
        statusCode: '13',
        description: 'Đề nghị lấy lại văn bản (thử nghiệm) / take-back request (test)',
        timestamp: vietnamTimestamp(new Date()),
        staffInfo: { department: 'Văn thư', staff: 'Người thử nghiệm' },
      }),
    );
    await deliver(ctx, { from: doc.from, bytes, messageType: 'status' });
    return awaitAnswer(ctx, doc, b04What);
  },
  assert: (ctx, _state, answer) => ctx.pass(answered(answer, b04What)),
});

/** What the SUT is triggered to do to its own document, and how its packet must look. */
interface Change {
  action: Exclude<TriggerActionName, 'send' | 'take-back'>;
  docType: string;
  what: LocalizedText;
}

const CHANGES: Change[] = [
  { action: 'revoke', docType: '1', what: { vi: 'thu hồi', en: 'revocation' } },
  { action: 'update', docType: '2', what: { vi: 'cập nhật', en: 'update' } },
  { action: 'replace', docType: '3', what: { vi: 'thay thế', en: 'replacement' } },
];

/** Triggers one change of a document the SUT just sent; returns the SUT's business packet entry and the original. */
async function triggeredChange(ctx: CaseContext, change: Change): Promise<{ entry: JournalEntry; originalId: string }> {
  const [kept, removed, added] = ctx.agencies;
  const original = await sendByTrigger(ctx, triggerDocument(ctx), [kept, removed]);
  const originalId = original.documentId ?? '';
  await ctx.trigger({
    action: change.action,
    concerning: originalId,
    ...(change.action === 'revoke' ? { to: [kept, removed] } : {}),
    ...(change.action === 'update' ? { receivers: { added: [added], removed: [removed] } } : {}),
    ...(change.action === 'replace' ? { to: [kept, removed], document: triggerDocument(ctx) } : {}),
  });
  const entry = await ctx.waitFor((e) => e.id > original.id && isSutEdocSend(e, ctx.run.sutCode) && ctx.agencies.some((a) => e.agencies.includes(a)), {
    expected: {
      vi: `Hệ thống gửi gói ${change.what.vi} cho văn bản ${originalId}`,
      en: `The system sends a ${change.what.en} packet for the document ${originalId}`,
    },
  });
  return { entry, originalId };
}

const b05Expected = (change: Change, originalId: string): LocalizedText => ({
  vi: `Gói ${change.what.vi}: BussinessDocType ${change.docType}, nêu văn bản ${originalId}, danh sách đầy đủ`,
  en: `The ${change.what.en} packet: BussinessDocType ${change.docType}, naming the document ${originalId}, lists filled`,
});

/** What is wrong with the business section besides the validator's findings (which the case judges too). */
function businessProblems(ctx: JudgeContext, change: Change, packet: EdocPacket | undefined, originalId: string): string[] {
  const business = packet?.business;
  if (!packet || !business) return ['no Bussiness section'];
  const problems: string[] = [];
  if (business.bussinessDocType?.trim() !== change.docType) problems.push(`BussinessDocType=${business.bussinessDocType ?? '∅'}`);
  // Where the document concerned is named depends on the action (a revocation may name it in its own header).
  const concerned = documentsConcerned(packet);
  if (!concerned.includes(originalId)) problems.push(`document concerned=${concerned.join(', ') || '∅'}`);
  if (change.action === 'update') {
    const [, removed, added] = ctx.agencies;
    const listed = (code: string, type: string) =>
      business.documentInfo?.receivers.some((r) => r.organId !== undefined && sameOrgan(r.organId, code) && r.receiverType?.trim() === type) ?? false;
    if (!listed(added, '1')) problems.push(`Receiver ${added} (ReceiverType 1) missing`);
    if (!listed(removed, '0')) problems.push(`Receiver ${removed} (ReceiverType 0) missing`);
  }
  if (change.action === 'replace' && !business.replacements.some((r) => r.documentId?.trim() === originalId)) {
    problems.push(`ReplacementInfo for ${originalId} missing`);
  }
  return problems;
}

const b05 = defineCase<undefined, undefined>({
  id: 'B-05',
  counterparts: 3,
  schedule: 'concurrent',
  await: async (ctx) => {
    for (const change of CHANGES) {
      const { entry, originalId } = await triggeredChange(ctx, change);
      const expected = b05Expected(change, originalId);
      const packet = sentEdocHeader(entry);
      const problems = businessProblems(ctx, change, packet, originalId);
      if (problems.length) {
        ctx.fail(expected, { vi: `Gói #${entry.id}: ${problems.join('; ')}`, en: `Packet #${entry.id}: ${problems.join('; ')}` });
      }
      ctx.judgeFindings(findingsOf(entry, businessFindings), expected);
    }
    return undefined;
  },
  assert: (ctx) =>
    ctx.pass({ vi: 'Các gói thu hồi, cập nhật, thay thế đều đúng', en: 'The revocation, update and replacement packets are correct' }),
});

const b06 = defineCase<undefined, JournalEntry>({
  id: 'B-06',
  counterparts: 1,
  schedule: 'concurrent',
  await: async (ctx) => {
    const [recipient] = ctx.agencies;
    const original = await sendByTrigger(ctx, triggerDocument(ctx), [recipient]);
    const originalId = original.documentId ?? '';
    await ctx.trigger({ action: 'take-back', concerning: originalId, to: [recipient] });
    return ctx.waitFor((e) => isSutStatusAbout(e, ctx.run.sutCode, originalId, ['13']), {
      expected: { vi: `Hệ thống gửi 13 về văn bản ${originalId}`, en: `The system sends a 13 about the document ${originalId}` },
    });
  },
  assert: (ctx, _state, entry) => {
    const [recipient] = ctx.agencies;
    // The axis routes a status to ResponseFor/OrganId: that code is among the entry's agencies.
    if (!entry.agencies.some((code) => sameOrgan(code, recipient))) {
      ctx.fail(
        { vi: `13 gửi tới nơi nhận văn bản (${recipient})`, en: `The 13 goes to the document’s recipient (${recipient})` },
        { vi: `13 (#${entry.id}) gửi tới ${entry.agencies.join(', ')}`, en: `The 13 (#${entry.id}) went to ${entry.agencies.join(', ')}` },
      );
    }
    ctx.pass({ vi: `Đã gửi 13 tới ${recipient}`, en: `A 13 was sent to ${recipient}` });
  },
});

export const businessCases: CaseDefinition[] = [b01, b02, b03, b04, b05, b06];

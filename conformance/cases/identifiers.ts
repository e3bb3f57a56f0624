// Identifier codes (I): the agency codes the SUT writes, whose sender it claims to be, whether it
// reads the directory, and that both code forms of one agency are answered alike (docs/conformance.md
// "Identifier codes"; docs/validate.md, identifier rules). Code validity is the validator's (identifier findings journaled
// at intake); agency equality is edxml sameAgency through support/agencies.ts.
import { AXIS_ERRORS } from '../../simulator/errors.ts';
import type { Finding } from '../../edxml/finding.ts';
import { documentIdOf } from '../../edxml/document-id.ts';
import { CaseHarnessError, defineCase, type CaseContext, type CaseDefinition, type CaseDocument } from '../case.ts';
import { ABSENT_AGENCY_CODE, qd20FormOf } from './support/agencies.ts';
import { DIRECTORY_OPERATIONS, isOk, isSend, isSutCall, packetOf, sutTraffic } from './support/journal/traffic.ts';
import { expectedResponseFor, responseForDifferences } from './support/judgement/response-for.ts';
import { deliverOrdinaryDocument } from './support/counterparts/inject.ts';
import { statusCodeOf, statusesAbout } from './support/journal/sent-packets.ts';
import { entryLabel, listed, skipWhenNothingObserved, statusLabel, text } from './support/judgement/text.ts';

const i01 = defineCase<void, void>({
  id: 'I-01',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const sends = sutTraffic(ctx).filter(isSend);
    skipWhenNothingObserved(ctx, sends.length, text('gói tin nào (sendEdoc)', 'packet (sendEdoc)'));
    const findings: Finding[] = [];
    for (const entry of sends) {
      const own = entry.findings.filter((f) => f.category === 'identifier' && f.rule.startsWith('EDXML-'));
      if (own.length) ctx.evidence(entry);
      findings.push(...own.map((f) => ({ ...f, path: `#${entry.id} ${f.path}` })));
    }
    ctx.judgeFindings(
      findings,
      text(
        'Mọi mã định danh hệ thống ghi trong From, To, ResponseFor hợp lệ theo QCVN 102 hoặc QĐ 20 (hoặc được cho phép)',
        'Every OrganId the system writes in From, To, ResponseFor is a valid QCVN 102 or QĐ 20 code (or allow-listed)',
      ),
    );
    ctx.pass(text(`${sends.length} gói tin, mã định danh đều hợp lệ`, `${sends.length} packets, every code valid`));
  },
});

/** I-02: the axis refused a send because the packet's From is neither the systemid nor a unit registered under it. */
const i02 = defineCase<void, void>({
  id: 'I-02',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const sends = sutTraffic(ctx).filter(isSend);
    skipWhenNothingObserved(ctx, sends.length, text('gói tin nào (sendEdoc)', 'packet (sendEdoc)'));
    const refused = sends.filter((e) => {
      if (e.outcome.errorCode === AXIS_ERRORS.NO_SENDER.code) return true;
      const from = packetOf(e)?.header.from?.organId?.trim();
      return e.outcome.errorCode === AXIS_ERRORS.SENDER_MISMATCH.code && !!from && e.outcome.errorDesc.endsWith(`: ${from}`);
    });
    if (refused.length) {
      ctx.evidence(...refused);
      ctx.fail(
        text('From là mã đã đăng ký của hệ thống hoặc đơn vị nó đã đăng ký', 'From is the system’s registered code or a unit it registered'),
        text(`Trục từ chối bên gửi: ${listed(refused.map((e) => `${entryLabel(e)} ${e.outcome.errorDesc}`))}`, `The axis refused the sender: ${listed(refused.map((e) => `${entryLabel(e)} ${e.outcome.errorDesc}`))}`),
      );
    }
    ctx.evidence(...sends.slice(0, 20));
    ctx.pass(text(`${sends.length} lần gửi, From đều hợp lệ`, `${sends.length} sends, From always the system’s`));
  },
});

const i03 = defineCase<void, void>({
  id: 'I-03',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const read = ctx.entries().find((e) => DIRECTORY_OPERATIONS.has(e.operation) && isOk(e) && isSutCall(e, ctx.run.sutCode));
    if (!read) {
      return ctx.fail(
        text('Hệ thống đọc danh bạ (getAgenciesList, getAgenciesListQD20 hoặc getSynchronizeUnit) ít nhất một lần', 'The system reads the directory (getAgenciesList, getAgenciesListQD20 or getSynchronizeUnit) at least once'),
        text('Không có lần đọc danh bạ nào thành công', 'No successful directory read'),
      );
    }
    ctx.evidence(read);
    ctx.pass(text(`Hệ thống đọc danh bạ (${read.operation})`, `The system read the directory (${read.operation})`));
  },
});

interface TwoForms {
  qcvn: CaseDocument;
  /** The second document as issued (its identity in the QCVN 102 form). */
  second: CaseDocument;
  /** The second document as written: From in the QĐ 20 form of the same counterpart. */
  qd20: CaseDocument;
}

/** The statuses a document got: its 01 and 03 with ResponseFor as a correct recipient writes it. */
function answersFor(ctx: CaseContext, doc: CaseDocument) {
  const statuses = statusesAbout(ctx.entries(), ctx.run.sutCode, doc);
  const want = expectedResponseFor(doc);
  const code = (c: string) => statuses.find((s) => statusCodeOf(s) === c && responseForDifferences(s.packet.header.responseFor, want).length === 0);
  return { statuses, receipt: code('01'), accepted: code('03') };
}

const i04 = defineCase<TwoForms, void>({
  id: 'I-04',
  counterparts: 1,
  schedule: 'concurrent',
  setup: (ctx) => {
    const qcvn = ctx.document();
    const second = ctx.document();
    const form = qd20FormOf(second.from);
    if (!form) {
      throw new CaseHarnessError('CONF-CASE-NO-QD20', `Mã đối tác ${second.from} không có dạng QĐ 20`, `The counterpart code ${second.from} has no QĐ 20 form`);
    }
    const qd20 = { ...second, from: form, documentId: documentIdOf(form, second.promulgationDate, second.codeNumber, second.codeNotation) };
    return { qcvn, second, qd20 };
  },
  act: async (ctx, s) => {
    await deliverOrdinaryDocument(ctx, s.qcvn, { to: [ctx.run.sutCode] });
    await deliverOrdinaryDocument(ctx, s.second, { to: [ctx.run.sutCode], fromCode: s.qd20.from });
  },
  await: async (ctx, s) => {
    const expected = text(
      `Văn bản có From dạng QĐ 20 (${s.qd20.from}) được trả lời như dạng QCVN 102: 01 rồi 03, ResponseFor đúng`,
      `The document whose From is in the QĐ 20 form (${s.qd20.from}) gets the same answers as the QCVN 102 form: 01 then 03, ResponseFor right`,
    );
    await ctx.waitUntil((entries) => {
      const settled = (doc: CaseDocument) =>
        statusesAbout(entries, ctx.run.sutCode, doc).some((st) => ['02', '03'].includes(statusCodeOf(st)));
      return settled(s.qcvn) && settled(s.qd20) ? true : undefined;
    }, { expected });
    const a = answersFor(ctx, s.qcvn);
    const b = answersFor(ctx, s.qd20);
    ctx.evidence(...a.statuses.map((x) => x.entry), ...b.statuses.map((x) => x.entry));
    const got = (x: ReturnType<typeof answersFor>) => `${x.receipt ? '01' : '–'} ${x.accepted ? '03' : '–'} [${x.statuses.map(statusLabel).join(', ')}]`;
    if (!a.receipt || !a.accepted || !b.receipt || !b.accepted) {
      ctx.fail(expected, text(`QCVN 102: ${got(a)}; QĐ 20: ${got(b)}`, `QCVN 102: ${got(a)}; QĐ 20: ${got(b)}`));
    }
    ctx.pass(text('Hai dạng mã được trả lời như nhau (01, 03)', 'Both code forms were answered alike (01, 03)'));
  },
});

/** I-05's bound: the SUT gives up after at most this many attempts (spec default). */
export const MAX_SEND_ATTEMPTS = 3;

/** I-05 (W): triggered to send to a code no directory holds, the SUT's attempts stay within the bound. */
const i05 = defineCase<{ doc: CaseDocument }, void>({
  id: 'I-05',
  counterparts: 1,
  schedule: 'concurrent',
  setup: (ctx) => ({ doc: ctx.document() }),
  act: async (ctx, s) => {
    await ctx.trigger({
      action: 'send',
      to: [ABSENT_AGENCY_CODE],
      document: {
        codeNumber: s.doc.codeNumber,
        codeNotation: 'I05-TRUC',
        subject: `Gửi tới mã không có trong danh bạ / sending to an unknown code ${s.doc.codeNumber}`,
        typeName: 'Công văn',
        attachments: [],
      },
      concerning: null,
    });
  },
  absence: (ctx) => {
    const attempts = ctx.entries().filter((e) => isSend(e) && isSutCall(e, ctx.run.sutCode) && e.agencies.includes(ABSENT_AGENCY_CODE));
    ctx.evidence(...attempts);
    if (attempts.length > MAX_SEND_ATTEMPTS) {
      ctx.fail(
        text(`Hệ thống dừng sau tối đa ${MAX_SEND_ATTEMPTS} lần gửi tới ${ABSENT_AGENCY_CODE}`, `The system gives up after at most ${MAX_SEND_ATTEMPTS} attempts to send to ${ABSENT_AGENCY_CODE}`),
        text(`${attempts.length} lần gửi: ${listed(attempts.map(entryLabel))}`, `${attempts.length} attempts: ${listed(attempts.map(entryLabel))}`),
      );
    }
    ctx.pass(text(`${attempts.length} lần thử rồi dừng`, `${attempts.length} attempts, then gave up`));
  },
});

export const identifierCases: CaseDefinition[] = [i01, i02, i03, i04, i05];

// Transport (T): how the SUT speaks the axis protocol, judged over all its calls of the run outside
// fault windows (docs/conformance.md, "Transport"; docs/axis.md). The simulator answers
// every protocol defect with a stable error code and journals it; these cases read those facts,
// they do not re-implement the axis's checks.
import { AXIS_ERRORS } from '../../simulator/errors.ts';
import { intakeRules } from '../../simulator/intake/rules.ts';
import { defineCase, type CaseDefinition, type JudgeContext } from '../case.ts';
import type { JournalEntry } from '../journal-view.ts';
import { sameOrgan } from './support/agencies.ts';
import { header, isOk, isSend, packetOf, POLL_OPERATIONS, sutTraffic } from './support/journal/traffic.ts';
import { entryLabel, listed, skipWhenNothingObserved, text } from './support/judgement/text.ts';

const SENDS = text('gói tin nào (sendEdoc)', 'packet (sendEdoc)');
const REQUESTS = text('yêu cầu nào', 'request');

/** Axis error codes each case reads (the simulator's table, never copied). */
const AUTH_ERRORS: ReadonlySet<string> = new Set([AXIS_ERRORS.AUTH_MISSING, AXIS_ERRORS.AUTH_BAD_SIGNATURE, AXIS_ERRORS.UNKNOWN_SYSTEM, AXIS_ERRORS.HEADER_MISMATCH].map((e) => e.code));
const SENDER_ERRORS: ReadonlySet<string> = new Set([AXIS_ERRORS.NO_SENDER, AXIS_ERRORS.SENDER_MISMATCH].map((e) => e.code));
const HASH_MISMATCH = AXIS_ERRORS.HASH_MISMATCH.code;
const HASH_ACCEPTED_RULE = intakeRules.hashMismatchAccepted.id;
const MESSAGETYPE_MISMATCH = AXIS_ERRORS.MESSAGETYPE_MISMATCH.code;

/** Fails with the offending entries as evidence, or passes saying how many calls were judged. */
function judgeAll(
  ctx: JudgeContext,
  judged: readonly JournalEntry[],
  offending: readonly JournalEntry[],
  expected: ReturnType<typeof text>,
  observed: (labels: string) => ReturnType<typeof text>,
  passed: ReturnType<typeof text>,
  what: ReturnType<typeof text>,
): void {
  skipWhenNothingObserved(ctx, judged.length, what);
  if (offending.length) {
    ctx.evidence(...offending);
    ctx.fail(expected, observed(listed(offending.map(entryLabel))));
  }
  ctx.evidence(...judged.slice(0, 20));
  ctx.pass(passed);
}

const t01 = defineCase<void, void>({
  id: 'T-01',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const calls = sutTraffic(ctx);
    const expected = text(
      'Mọi yêu cầu của hệ thống có HMAC hợp lệ trên tiêu đề ký và systemid đã đăng ký',
      'Every request of the system carries a valid HMAC over its signed headers and a registered systemid',
    );
    if (calls.length === 0) ctx.fail(expected, text('Không thấy yêu cầu nào của hệ thống', 'No request of the system was observed'));
    const bad = calls.filter((e) => e.hmacReading === undefined || AUTH_ERRORS.has(e.outcome.errorCode));
    judgeAll(ctx, calls, bad, expected, (l) => text(`Yêu cầu không xác thực được: ${l}`, `Requests that failed authentication: ${l}`), text(`${calls.length} yêu cầu đều xác thực được`, `${calls.length} requests all authenticated`), REQUESTS);
  },
});

/**
 * T-02: the `from` header (when sent) and the packet's From/OrganId name the same agency, and the
 * axis never had to refuse a send because the sender is not the caller (errors 21, 22).
 */
const t02 = defineCase<void, void>({
  id: 'T-02',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const sends = sutTraffic(ctx).filter(isSend);
    const expected = text(
      'Tiêu đề from, From/OrganId của gói tin và systemid thống nhất (chính systemid hoặc đơn vị đã đăng ký dưới nó)',
      'The from header, the packet’s From/OrganId and the systemid agree (the systemid itself or a unit registered under it)',
    );
    const bad = sends.filter((e) => {
      if (SENDER_ERRORS.has(e.outcome.errorCode)) return true;
      const from = header(e, 'from')?.trim();
      const packetFrom = packetOf(e)?.header.from?.organId?.trim();
      return isOk(e) && !!from && !!packetFrom && !sameOrgan(from, packetFrom);
    });
    judgeAll(ctx, sends, bad, expected, (l) => text(`Bên gửi không thống nhất: ${l}`, `Sender does not agree: ${l}`), text(`${sends.length} lần gửi, bên gửi thống nhất`, `${sends.length} sends, sender consistent`), SENDS);
  },
});

const t03 = defineCase<void, void>({
  id: 'T-03',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const sends = sutTraffic(ctx).filter(isSend);
    const expected = text('hash-file của mỗi lần sendEdoc khớp với nội dung gửi', 'hash-file of every sendEdoc matches the body');
    const bad = sends.filter((e) => e.outcome.errorCode === HASH_MISMATCH || e.findings.some((f) => f.rule === HASH_ACCEPTED_RULE));
    judgeAll(ctx, sends, bad, expected, (l) => text(`hash-file không khớp: ${l}`, `hash-file mismatch: ${l}`), text(`${sends.length} lần gửi, hash-file đều khớp`, `${sends.length} sends, hash-file always matched`), SENDS);
  },
});

const t04 = defineCase<void, void>({
  id: 'T-04',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const sends = sutTraffic(ctx).filter(isSend);
    const expected = text('messagetype khớp loại gói tin gửi đi (edoc hoặc status)', 'messagetype matches the kind of packet sent (edoc or status)');
    const bad = sends.filter((e) => {
      if (e.outcome.errorCode === MESSAGETYPE_MISMATCH) return true;
      const kind = packetOf(e)?.kind;
      const declared = header(e, 'messagetype')?.trim().toLowerCase();
      return isOk(e) && kind !== undefined && declared !== undefined && kind !== declared;
    });
    judgeAll(ctx, sends, bad, expected, (l) => text(`messagetype sai: ${l}`, `Wrong messagetype: ${l}`), text(`${sends.length} lần gửi, messagetype đều đúng`, `${sends.length} sends, messagetype always right`), SENDS);
  },
});

/** T-05 reads the journal's flag, set before redaction, over every call (faulted ones too: a leak is a leak). */
const t05 = defineCase<void, void>({
  id: 'T-05',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const calls = ctx.entries().filter((e) => e.caller === ctx.run.sutCode && !e.operation.startsWith('control:'));
    const expected = text(
      'Khoá bí mật không xuất hiện trong tiêu đề, đường dẫn hay nội dung nào hệ thống gửi',
      'The secret never appears in any header, path or body the system sends',
    );
    const bad = calls.filter((e) => e.secretSeen);
    judgeAll(ctx, calls, bad, expected, (l) => text(`Khoá bí mật bị truyền đi: ${l}`, `The secret was transmitted: ${l}`), text(`${calls.length} yêu cầu, không lộ khoá bí mật`, `${calls.length} requests, the secret never sent`), REQUESTS);
  },
});

/** T-06's ceiling: more polling calls than this within one second is polling too fast. */
export const POLL_CEILING_PER_SECOND = 10;

/**
 * T-06 (W): the SUT polls at least once per response deadline and never faster than the ceiling.
 * The run's span is the journal's own (first to last entry), so the case reads no clock; gaps that
 * overlap a fault window are left out (a silent axis journals nothing).
 */
const t06 = defineCase<void, void>({
  id: 'T-06',
  counterparts: 0,
  schedule: 'concurrent',
  absence: (ctx) => {
    const all = ctx.entries();
    const polls = sutTraffic(ctx).filter((e) => POLL_OPERATIONS.has(e.operation));
    const deadlineMs = ctx.run.timing.responseSeconds * 1000;
    const expected = text(
      `Hệ thống hỏi trục ít nhất mỗi ${ctx.run.timing.responseSeconds} giây và không quá ${POLL_CEILING_PER_SECOND} lần mỗi giây`,
      `The system polls at least every ${ctx.run.timing.responseSeconds} s and at most ${POLL_CEILING_PER_SECOND} times per second`,
    );
    if (polls.length === 0) ctx.fail(expected, text('Hệ thống không hỏi trục lần nào', 'The system never polled'));
    const windows = ctx.faultWindows();
    const overlapsFault = (from: number, to: number) =>
      windows.some((w) => w.start.getTime() <= to && (w.end === undefined || w.end.getTime() >= from));
    const marks = [all[0].time.getTime(), ...polls.map((e) => e.time.getTime()), all[all.length - 1].time.getTime()];
    for (let i = 1; i < marks.length; i++) {
      // A poll stamped right after a pause of the harness's own event loop may have come as early
      // as the pause's start (loop-stalls.ts): the same rule as every deadline, so a stall of the
      // harness never reads as the system's silence.
      const gap = (ctx.run.earliestArrival?.(new Date(marks[i])) ?? marks[i]) - marks[i - 1];
      if (gap > deadlineMs && !overlapsFault(marks[i - 1], marks[i])) {
        const after = polls[i - 2];
        if (after) ctx.evidence(after);
        ctx.fail(expected, text(`Khoảng ${(gap / 1000).toFixed(1)} giây không hỏi trục`, `${(gap / 1000).toFixed(1)} s without polling`));
      }
    }
    for (let i = POLL_CEILING_PER_SECOND; i < polls.length; i++) {
      const burst = polls[i].time.getTime() - polls[i - POLL_CEILING_PER_SECOND].time.getTime();
      if (burst < 1000) {
        ctx.evidence(polls[i - POLL_CEILING_PER_SECOND], polls[i]);
        ctx.fail(expected, text(`${POLL_CEILING_PER_SECOND + 1} lần hỏi trong ${burst} ms`, `${POLL_CEILING_PER_SECOND + 1} polls within ${burst} ms`));
      }
    }
    ctx.evidence(polls[0], polls[polls.length - 1]);
    ctx.pass(text(`${polls.length} lần hỏi trục, nhịp độ hợp lý`, `${polls.length} polling calls at a sane rate`));
  },
});

export const transportCases: CaseDefinition[] = [t01, t02, t03, t04, t05, t06];

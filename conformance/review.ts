// Review: a certifier may change a case result, but only with a written justification. The change
// is applied to the record (result, then the verdict by the same rules as a run) and kept as an
// override, so every output says who changed what, when and why.
import type { CaseResult } from './case.ts';
import type { CaseOverride, RunRecord } from './run-record.ts';
import { verdictOf } from './verdict.ts';
import { vietnamIso } from './vietnam-time.ts';

/** Shorter than this is not a justification a later reader can check. */
export const MIN_JUSTIFICATION = 15;

export class ReviewError extends Error {
  constructor(
    readonly code: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const RESULTS: readonly CaseResult[] = ['pass', 'fail', 'warn', 'skip', 'error'];

export interface OverrideRequest {
  caseId: string;
  to: string;
  reviewer: string;
  justification: string;
}

/** A new record with the override applied; throws ReviewError on anything a reviewer must fix. */
export function applyOverride(run: RunRecord, request: OverrideRequest, now: Date = new Date()): RunRecord {
  const justification = request.justification.trim();
  const reviewer = request.reviewer.trim();
  if (justification.length < MIN_JUSTIFICATION) {
    throw new ReviewError(
      'REVIEW-JUSTIFICATION',
      `Cần lý do viết rõ (ít nhất ${MIN_JUSTIFICATION} ký tự) để đổi kết quả.`,
      `A written justification (at least ${MIN_JUSTIFICATION} characters) is required to change a result.`,
    );
  }
  if (!reviewer) throw new ReviewError('REVIEW-REVIEWER', 'Cần tên người xem xét.', 'The reviewer must be named.');
  if (!RESULTS.includes(request.to as CaseResult)) {
    throw new ReviewError('REVIEW-RESULT', `Kết quả không hợp lệ: ${request.to}.`, `Unknown result: ${request.to}.`);
  }
  const target = run.cases.find((c) => c.id === request.caseId);
  if (!target) throw new ReviewError('REVIEW-CASE', `Không có ca ${request.caseId} trong lượt này.`, `No case ${request.caseId} in this run.`);
  const to = request.to as CaseResult;
  if (target.result === to) {
    throw new ReviewError('REVIEW-SAME', `Ca ${target.id} đã có kết quả ${to}.`, `Case ${target.id} already has result ${to}.`);
  }
  const override: CaseOverride = { caseId: target.id, from: target.result, to, reviewer, at: vietnamIso(now), justification };
  const cases = run.cases.map((c) => (c.id === target.id ? { ...c, result: to, operatorSkipped: false } : c));
  return { ...run, cases, verdict: verdictOf(cases), overrides: [...(run.overrides ?? []), override] };
}

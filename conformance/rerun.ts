// `--rerun-failed RUN_DIR`: after a fix, run again only the cases a previous run did not pass
// (fail, error, operator skip), on the same profile. Such a run answers "are these fixed?", not
// "is the system conformant": its verdict is never `conformant` (a full run decides that).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunProfile } from './catalogue.ts';
import type { RunRecord } from './run-record.ts';

export class RerunError extends Error {
  readonly code = 'CONF-RERUN';
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface RerunPlan {
  /** The run id of the earlier run. */
  previous: string;
  profile: RunProfile;
  sutCode: string;
  caseIds: string[];
}

interface ReportShape {
  runId?: unknown;
  profile?: unknown;
  sut?: { code?: unknown };
  cases?: { id?: unknown; result?: unknown }[];
}

/** Reads report.json of a run folder and lists the cases to run again. */
export async function planRerun(dir: string): Promise<RerunPlan> {
  let report: ReportShape;
  try {
    report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as ReportShape;
  } catch {
    throw new RerunError(`Không đọc được ${join(dir, 'report.json')}`, `Cannot read ${join(dir, 'report.json')}`);
  }
  const cases = Array.isArray(report.cases) ? report.cases : [];
  const caseIds = cases.filter((c) => c.result === 'fail' || c.result === 'error').map((c) => String(c.id));
  if (typeof report.profile !== 'string' || typeof report.sut?.code !== 'string') {
    throw new RerunError(`${dir} không phải thư mục kết quả của truc`, `${dir} is not a truc run folder`);
  }
  if (caseIds.length === 0) {
    throw new RerunError(`Lượt trong ${dir} không có ca nào không đạt để chạy lại`, `The run in ${dir} has no failed case to run again`);
  }
  const previous = typeof report.runId === 'string' ? report.runId : dir.replace(/\/+$/, '').split('/').pop()!;
  return { previous, profile: report.profile as RunProfile, sutCode: report.sut.code, caseIds };
}

/** A re-run never certifies conformance on its own: at best it is incomplete. */
export const asRerun = (record: RunRecord, previous: string): RunRecord => ({
  ...record,
  rerunOf: previous,
  verdict: record.verdict === 'conformant' ? 'incomplete' : record.verdict,
});

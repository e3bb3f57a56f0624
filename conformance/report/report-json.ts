// report.json: exactly the fields of docs/conformance.md "Evidence and reports", in that order.
// report.schema.json (next to this file) is its contract; schema.ts checks documents against it.
import type { LocalizedText } from '../../edxml/finding.ts';
import type { CaseResult } from '../case.ts';
import type { CaseLevel, Requirement, RunProfile } from '../catalogue.ts';
import type { CaseOverride, EvidenceId, RunRecord, Verdict } from '../run-record.ts';
import type { Timing } from '../timing.ts';
import { vietnamIso } from '../vietnam-time.ts';
import type { SignerInfo } from './signer.ts';

export const REPORT_SCHEMA_VERSION = '1';

export interface ReportCase {
  id: string;
  title: LocalizedText;
  requirement: Requirement;
  level: CaseLevel;
  result: CaseResult;
  message: LocalizedText;
  expected?: LocalizedText;
  observed?: LocalizedText;
  evidence: EvidenceId[];
}

export interface ReportSut {
  code: string;
  name: string;
  /** From `--sut-software` / `--sut-version`; null when not given. */
  software: string | null;
  version: string | null;
  /** From `--sut-build`: the build the verdict is about; null when not given. */
  build: string | null;
}

export interface ConformanceReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  runId: string;
  verdict: Verdict;
  profile: RunProfile;
  timing: Timing;
  sut: ReportSut;
  suiteVersion: string;
  startedAt: string;
  finishedAt: string;
  /** The run whose failed cases this run repeats (its verdict covers only those cases). */
  rerunOf?: string;
  /** Who signs the run folder, known before it is signed (absent for an unsigned preview). */
  signer?: SignerInfo;
  cases: ReportCase[];
  /** Reviewers' changes of case results, with their reasons; the results above include them. */
  overrides: CaseOverride[];
}

export const reportSut = (run: RunRecord): ReportSut => ({
  code: run.sut.code,
  name: run.sut.name,
  software: run.sut.software ?? null,
  version: run.sut.version ?? null,
  build: run.sut.build ?? null,
});

export function buildReport(run: RunRecord, signer?: SignerInfo): ConformanceReport {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: run.runId,
    verdict: run.verdict,
    profile: run.profile,
    timing: { profile: run.timing.profile, responseSeconds: run.timing.responseSeconds, settleSeconds: run.timing.settleSeconds },
    sut: reportSut(run),
    suiteVersion: run.suiteVersion,
    startedAt: vietnamIso(run.startedAt),
    finishedAt: vietnamIso(run.finishedAt),
    ...(run.rerunOf ? { rerunOf: run.rerunOf } : {}),
    ...(signer ? { signer } : {}),
    cases: run.cases.map((c) => ({
      id: c.id,
      title: c.title,
      requirement: c.requirement,
      level: c.level,
      result: c.result,
      message: c.message,
      ...(c.result === 'pass' || !c.expected ? {} : { expected: c.expected }),
      ...(c.result === 'pass' || !c.observed ? {} : { observed: c.observed }),
      evidence: c.evidence,
    })),
    overrides: run.overrides ?? [],
  };
}

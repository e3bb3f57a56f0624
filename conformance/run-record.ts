// The outcome of a run as the reports need it: every case's result with its evidence, the
// journal it was judged on, and what the harness itself did (driver calls and their output).
import type { LocalizedText } from '../edxml/finding.ts';
import type { CaseResult } from './case.ts';
import type { CaseLevel, CaseProfile, Requirement, RunProfile } from './catalogue.ts';
import type { TriggerJson } from './drivers/trigger.ts';
import type { JournalEntry } from './journal-view.ts';
import type { Timing } from './timing.ts';

export type Verdict = 'conformant' | 'not-conformant' | 'incomplete';

/**
 * Evidence ids: numbers are simulator journal entry ids; strings name harness records
 * (`<case>/trigger-<n>`), which journal.jsonl carries next to the exchanges.
 */
export type EvidenceId = number | string;

export interface CaseOutcome {
  id: string;
  title: LocalizedText;
  requirement: Requirement;
  level: CaseLevel;
  profile: CaseProfile;
  result: CaseResult;
  message: LocalizedText;
  /** Present unless the case passed: one sentence each. */
  expected?: LocalizedText;
  observed?: LocalizedText;
  evidence: EvidenceId[];
  /** Skipped by the operator (counts against the verdict), as opposed to not applicable. */
  operatorSkipped: boolean;
  durationMs: number;
}

/** A driver call: what was asked of the SUT and what the driver answered. */
export interface HarnessRecord {
  id: string;
  caseId: string;
  time: Date;
  driver: string;
  trigger: TriggerJson;
  outcome: 'accepted' | 'refused' | 'error';
  reason?: LocalizedText;
  output?: string;
}

export interface SutInfo {
  code: string;
  name: string;
  software?: string;
  version?: string;
  /** Build identifier of the tested software (commit, build number, image digest). */
  build?: string;
}

/**
 * A reviewer's change of one case result, with the written reason. Carried by report.json,
 * report.html and certificate.json, and printed by `truc verify`: the audit trail of a review.
 */
export interface CaseOverride {
  caseId: string;
  from: CaseResult;
  to: CaseResult;
  reviewer: string;
  /** ISO time with the Vietnam offset. */
  at: string;
  justification: string;
}

export interface RunRecord {
  runId: string;
  profile: RunProfile;
  timing: Timing;
  sut: SutInfo;
  suiteVersion: string;
  startedAt: Date;
  finishedAt: Date;
  verdict: Verdict;
  cases: CaseOutcome[];
  journal: JournalEntry[];
  harness: HarnessRecord[];
  /** Set on a re-run of another run's failed cases: that run's id. */
  rerunOf?: string;
  /** Reviewers' overrides, oldest first; the case results and verdict above already include them. */
  overrides?: CaseOverride[];
}

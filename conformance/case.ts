// The case model (ARCHITECTURE.md, Inferno/OpenID style): a case is a small declarative unit —
// which catalogue entry it examines, how many counterpart agencies it plays, and its steps:
// setup (documents, packets), act (send as a counterpart, or trigger the SUT), await (journal
// predicates, resolved the moment the entry lands), assert, and absence checks judged once after
// the run's shared settle window. The runner owns time, deadlines, faults and evidence; a case
// never sleeps and never reads a clock to decide.
import type { Finding, LocalizedText } from '../edxml/finding.ts';
import type { IssuedCertificate, IssueOptions } from '../edxml/signatures/index.ts';
import type { FaultRequest, InjectRequest, InjectResult } from './axis-port.ts';
import type { CatalogueEntry } from './catalogue.ts';
import type { TriggerAction } from './drivers/trigger.ts';
import type { JournalEntry } from './journal-view.ts';
import type { Timing } from './timing.ts';

export type CaseResult = 'pass' | 'fail' | 'warn' | 'skip' | 'error';

/**
 * The harness cannot run the case (a certificate it cannot issue, a packet of its own it cannot
 * read): the runner reports it as `error`, never as a failure of the SUT.
 */
export class CaseHarnessError extends Error {
  constructor(
    readonly code: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** `alone`: resilience cases, run one at a time after every other case, with their faults. */
export type CaseSchedule = 'concurrent' | 'alone';

/** A unique document the case issues as one of its counterparts (attribution by DocumentId). */
export interface CaseDocument {
  /** Issuing counterpart (From/OrganId). */
  from: string;
  codeNumber: string;
  codeNotation: string;
  /** `yyyy/MM/dd`, Vietnam local date. */
  promulgationDate: string;
  /** `{From},{yyyy/MM/dd},{number}/{notation}` (QCVN 102). */
  documentId: string;
  /** Declared with DocumentOptions.deadlineSeconds. */
  deadlineSeconds?: number;
}

export interface DocumentOptions {
  /** Which of the case's counterparts issues it (index into `agencies`, default 0). */
  issuer?: number;
  /** A notation the case needs (e.g. Vietnamese letters for R-05); unique numbers keep it attributable. */
  codeNotation?: string;
  /** The document's own response deadline (seconds), when it is not the profile's: judged with this one value everywhere (the case's waits, ST-04). */
  deadlineSeconds?: number;
  /**
   * The case makes the SUT reject this document (R-08, R-09, SG-05, SG-06): the run-wide cases
   * R-03 and ST-04 leave it out, and only it (docs/conformance.md, "Scope of run-wide cases").
   */
  designedToBeRejected?: boolean;
}

/**
 * The run's test PKI (its root is a trust anchor of the run, its CRL the run's revocation data):
 * counterparts sign their documents with certificates from it. The PKI folder satisfies it.
 */
export interface RunPki {
  /** A certificate issued earlier with exactly these options, else a new one. */
  obtain(options: IssueOptions): Promise<IssuedCertificate>;
}

/** Facts the runner knows about the run, readable by every case. */
export interface RunFacts {
  runId: string;
  /** The SUT's systemid / agency code. */
  sutCode: string;
  timing: Timing;
  /** Absent when the run has no PKI: cases that must sign then end `error`. */
  pki?: RunPki;
  /** The response deadline (seconds) of a document of the run: the one its case declared, else the profile's. */
  documentDeadlineSeconds?(documentId: string): number;
  /** When an exchange journaled at `time` may have arrived at the earliest (epoch ms): earlier than `time` only when the harness's own loop was paused (loop-stalls.ts). */
  earliestArrival?(time: Date): number;
  /** The next document number (CodeNumber) of the run's reservation: never issued before on this axis. */
  nextCodeNumber(): string;
}

/** A fault's active period, recorded so run-wide cases can leave faulted traffic out. */
export interface FaultWindow {
  caseId: string;
  fault: FaultRequest;
  start: Date;
  /** Undefined while active. */
  end?: Date;
}

export interface WaitOptions {
  /** What the case expects, as the `expected` sentence if the deadline passes. */
  expected: LocalizedText;
  /** Overrides the profile's response deadline (seconds). */
  deadlineSeconds?: number;
}

/** What both the positive steps and the absence checks may do. */
export interface JudgeContext {
  readonly entry: CatalogueEntry;
  readonly run: RunFacts;
  /** The case's counterpart agency codes (reserved test range). */
  readonly agencies: readonly string[];
  /** Documents the case issued so far. */
  readonly documents: readonly CaseDocument[];
  /** Every journal entry of the run so far, oldest first. */
  entries(): readonly JournalEntry[];
  /** Entries attributable to this case: concerning its agencies or its documents. */
  ownEntries(): readonly JournalEntry[];
  /** Fault windows of the run so far. */
  faultWindows(): readonly FaultWindow[];
  /** Records journal entries (or their ids) the judgement relied on. */
  evidence(...entries: (JournalEntry | number)[]): void;
  /** Ends the case `fail` (a recommended case reports it as `warn`). */
  fail(expected: LocalizedText, observed: LocalizedText, message?: LocalizedText): never;
  /** Records a deviation from a recommendation; the case goes on and ends at least `warn`. */
  warn(expected: LocalizedText, observed: LocalizedText, message?: LocalizedText): void;
  /** Ends the case `skip` (not applicable), always with the reason. */
  skip(reason: LocalizedText): never;
  /** Sets the message a passing case reports. */
  pass(message: LocalizedText): void;
  /**
   * Levels come from the validator: an error finding fails the case, a warning warns. `stricter`
   * lists rule ids this case treats as errors (the case's own documentation says why).
   */
  judgeFindings(findings: readonly Finding[], expected: LocalizedText, options?: { stricter?: readonly string[] }): void;
}

export interface CaseContext extends JudgeContext {
  /** Issues a fresh document identity from one of the case's counterparts. */
  document(options?: DocumentOptions): CaseDocument;
  /** Sends bytes as one of the case's counterparts through the simulator (control API). */
  send(request: InjectRequest): Promise<InjectResult>;
  /** Asks the SUT to act through the run's driver; a refusal fails the case, a driver error errors it. */
  trigger(action: TriggerAction): Promise<void>;
  /** Resolves with the first matching entry, already journaled or as it lands (each entry is tested once); fails the case at the deadline. */
  waitFor(predicate: (entry: JournalEntry) => boolean, options: WaitOptions): Promise<JournalEntry>;
  /** Resolves when `check` over the run's entries returns a value; fails the case at the deadline. */
  waitUntil<T>(check: (entries: readonly JournalEntry[]) => T | undefined, options: WaitOptions): Promise<T>;
  /** Injects a fault scoped to the SUT (only `alone` cases); the runner clears it when the case ends. */
  fault(request: FaultRequest): Promise<void>;
  /** Ends the fault the case set last, so deadlines of F-04 start now. */
  endFault(): Promise<void>;
}

export interface CaseDefinition<State = unknown, Awaited = unknown> {
  /** Catalogue id (catalogue.ts). */
  id: string;
  /** Counterpart agencies the case plays (allocated by the runner, provisioned before setup). */
  counterparts: number;
  schedule: CaseSchedule;
  /** Builds documents and packets; returns the state later steps use. */
  setup?: (ctx: CaseContext) => Promise<State> | State;
  /** Sends (as a counterpart) or triggers (the SUT). */
  act?: (ctx: CaseContext, state: State) => Promise<void>;
  /** Waits for the journal facts the judgement needs. */
  await?: (ctx: CaseContext, state: State) => Promise<Awaited>;
  /** Judges what was awaited: ctx.fail / ctx.warn / ctx.pass. */
  assert?: (ctx: CaseContext, state: State, awaited: Awaited) => void | Promise<void>;
  /** "At most one …", "never …": judged after the shared settle window over the whole run. */
  absence?: (ctx: JudgeContext, state: State) => void | Promise<void>;
}

/** Keeps the step types of one case together while the runner sees the erased form. */
export const defineCase = <State, Awaited>(definition: CaseDefinition<State, Awaited>): CaseDefinition =>
  definition as unknown as CaseDefinition;

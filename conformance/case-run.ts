// One case while it runs: its counterparts, documents, evidence, warnings and faults, how it was
// stopped (CaseStop: the only thing a case throws on purpose), and the outcome reported for it.
import type { LocalizedText } from '../edxml/finding.ts';
import { CaseTraffic } from './attribution.ts';
import type { CaseDefinition, CaseDocument, CaseResult, FaultWindow } from './case.ts';
import type { CatalogueEntry } from './catalogue.ts';
import type { CaseOutcome, EvidenceId } from './run-record.ts';

/** Thrown inside a case to end it; anything else thrown is a harness error. */
export class CaseStop {
  constructor(
    readonly result: 'fail' | 'skip' | 'error',
    readonly message: LocalizedText,
    readonly expected?: LocalizedText,
    readonly observed?: LocalizedText,
    readonly operatorSkipped = false,
  ) {}
}

const PASSED: LocalizedText = { vi: 'Đạt', en: 'Passed' };
export const OPERATOR_SKIPPED: LocalizedText = { vi: 'Người vận hành bỏ qua', en: 'operator skipped' };
export const INTERRUPTED: LocalizedText = { vi: 'Người vận hành dừng lượt chạy (Ctrl-C)', en: 'operator stopped the run (Ctrl-C)' };
// The `expected` sentence of cases that end without a judgement of the SUT.
const APPLICABLE: LocalizedText = { vi: 'Ca kiểm thử được chạy và áp dụng cho hệ thống', en: 'The case is run and applies to the system' };
const JUDGED: LocalizedText = { vi: 'Bộ kiểm thử chạy ca đến khi có kết luận', en: 'The harness runs the case to a judgement' };

export const errorText = (e: unknown): LocalizedText => {
  if (e && typeof e === 'object' && 'vi' in e && 'en' in e && typeof e.vi === 'string' && typeof e.en === 'string') {
    return { vi: `Lỗi bộ kiểm thử: ${e.vi}`, en: `Harness error: ${e.en}` };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { vi: `Lỗi bộ kiểm thử: ${message}`, en: `Harness error: ${message}` };
};

/** Everything the runner tracks about one case while it runs. */
export class CaseRun {
  readonly evidence = new Set<EvidenceId>();
  readonly documents: CaseDocument[] = [];
  readonly warnings: { expected: LocalizedText; observed: LocalizedText; message: LocalizedText }[] = [];
  readonly senderIds = new Set<string>();
  readonly faults: { id: string; window: FaultWindow }[] = [];
  readonly done = new AbortController();
  readonly traffic = new CaseTraffic(() => ({
    agencies: this.agencies,
    documentIds: this.documents.map((d) => d.documentId),
    senderIds: this.senderIds,
  }));
  passMessage: LocalizedText = PASSED;
  stop?: CaseStop;
  agencies: string[] = [];
  state: unknown;
  started = Date.now();
  durationMs = 0;
  /** Epoch ms the case's next deadline counts from: its latest stimulus delivered, or the latest answer it got. */
  clockFrom?: number;
  /** The case's place among the triggers in flight (runner.ts), held until its next wait ends. */
  triggerPlace?: () => void;
  /** Aborted with the trigger place: the case has seen the SUT act on its triggers (TriggerCall.settled). */
  triggersSettled = new AbortController();
  private skipRequested?: (stop: CaseStop) => void;
  readonly skipped: Promise<never>;

  constructor(
    readonly definition: CaseDefinition | undefined,
    readonly entry: CatalogueEntry,
  ) {
    this.skipped = new Promise<never>((_, reject) => {
      this.skipRequested = reject;
    });
    // Never unhandled: the rejection is only observed through races.
    this.skipped.catch(() => undefined);
  }

  releaseTriggerPlace(): void {
    this.triggerPlace?.();
    this.triggerPlace = undefined;
    this.triggersSettled.abort();
    this.triggersSettled = new AbortController();
  }

  operatorSkip(reason: LocalizedText = OPERATOR_SKIPPED): void {
    this.skipRequested?.(new CaseStop('skip', reason, undefined, undefined, true));
  }
}

/** The reported outcome of a finished case. */
export function outcomeOf(run: CaseRun): CaseOutcome {
  const { entry } = run;
  const base = {
    id: entry.id,
    title: entry.title,
    requirement: entry.requirement,
    level: entry.level,
    profile: entry.profile,
    evidence: [...run.evidence],
    operatorSkipped: run.stop?.operatorSkipped ?? false,
    durationMs: run.durationMs,
  };
  const stop = run.stop;
  if (stop) {
    // A recommended (W) case reports `warn` instead of `fail` by definition.
    const result: CaseResult = stop.result === 'fail' && entry.level === 'recommended' ? 'warn' : stop.result;
    const explain =
      stop.result === 'fail'
        ? { expected: stop.expected, observed: stop.observed }
        : stop.result === 'skip'
          ? { expected: stop.expected ?? APPLICABLE, observed: stop.observed ?? stop.message }
          : { expected: stop.expected ?? JUDGED, observed: stop.observed ?? stop.message };
    return { ...base, result, message: stop.message, ...explain } as CaseOutcome;
  }
  const warning = run.warnings[0];
  if (warning) {
    return { ...base, result: 'warn', message: warning.message, expected: warning.expected, observed: warning.observed };
  }
  return { ...base, result: 'pass', message: run.passMessage };
}

// The runner owns time, deadlines, faults and evidence (ARCHITECTURE.md): it gives each case its
// counterparts and a context, runs independent cases concurrently and resilience cases alone at
// the end, then opens the one shared settle window and judges every absence check over it.
import type { Finding, LocalizedText } from '../edxml/finding.ts';
import { createAgencyAllocator } from './agency-allocator.ts';
import type { AxisPort } from './axis-port.ts';
import type { CaseContext, CaseDefinition, FaultWindow, JudgeContext, RunFacts, RunPki, WaitOptions } from './case.ts';
import { CaseRun, CaseStop, errorText, INTERRUPTED, OPERATOR_SKIPPED, outcomeOf } from './case-run.ts';
import { arrivalOf, waitOnJournal, type Found } from './journal-wait.ts';
import { watchLoopStalls } from './loop-stalls.ts';
import { createGate, createRateGate, type Gate } from './pacing.ts';
import { catalogueEntry, casesOfProfile, type RunProfile } from './catalogue.ts';
import type { Driver } from './drivers/driver.ts';
import { triggerJson } from './drivers/trigger.ts';
import type { JournalEntry } from './journal-view.ts';
import type { ProgressReporter } from './progress.ts';
import type { CaseOutcome, HarnessRecord, RunRecord, SutInfo } from './run-record.ts';
import type { Timing } from './timing.ts';
import { verdictOf } from './verdict.ts';
import { issueCaseDocument } from './case-documents.ts';

/**
 * F-05 adds latency to every call: a core flow (list, fetch, ack, send 01, send 03, …) makes about
 * this many calls, so its deadline grows by that many times the added latency.
 */
export const CALLS_PER_FLOW = 8;

export interface RunOptions {
  runId: string;
  profile: RunProfile;
  timing: Timing;
  sut: SutInfo;
  /** The implemented cases; catalogue cases of the profile without one end `error`. */
  cases: readonly CaseDefinition[];
  port: AxisPort;
  driver: Driver;
  suiteVersion: string;
  /** Run only these catalogue cases of the profile (re-running a previous run's failures). */
  only?: readonly string[];
  /** Case ids the operator chose to skip before the run (they count as operator skips). */
  operatorSkip?: readonly string[];
  /** At most this many concurrent cases at once (default: all of them, as the spec says; waits are event-driven and cost nothing idle). */
  concurrency?: number;
  /** Triggers given to the driver at once (default 1: a vendor's trigger may start a JVM, a person may be following the manual driver). */
  parallelTriggers?: number;
  /** Documents injected into the SUT's mailboxes per second at most (default 10), one after the other. */
  injectionsPerSecond?: number;
  /** Aborting it (Ctrl-C) ends every unfinished case as skipped by the operator; the run still reports. */
  interrupt?: AbortSignal;
  progress?: ProgressReporter;
  /** The run's test PKI, for cases whose counterparts send signed documents. */
  pki?: RunPki;
}

export class RunConfigError extends Error {
  readonly code = 'CONF-RUN-CONFIG';
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Short labels of what a waiting case waits for, shown on the progress line. */
const WAITING = {
  triggerTurn: { vi: 'chờ lượt kích hoạt', en: 'trigger turn' },
  triggerAccept: { vi: 'chờ hệ thống nhận lệnh', en: 'SUT to accept the trigger' },
  injectTurn: { vi: 'chờ lượt gửi văn bản', en: 'injection turn' },
} as const;

export const DEFAULT_INJECTIONS_PER_SECOND = 10;

/** How many counterpart agencies a run of these cases plays: what it reserves on the axis. */
export const counterpartsOf = (cases: readonly CaseDefinition[]): number => cases.reduce((n, c) => n + c.counterparts, 0);

export async function runSuite(options: RunOptions): Promise<RunRecord> {
  const startedAt = new Date();
  const triggerGate = createGate(options.parallelTriggers ?? 1);
  const injectionGate = createGate(1);
  const injectionRate = createRateGate(options.injectionsPerSecond ?? DEFAULT_INJECTIONS_PER_SECOND);
  const stalls = watchLoopStalls();
  const journal = options.port.journal;
  const declaredDeadlines = new Map<string, number>();
  const reservation = options.port.reservation;
  const allocator = createAgencyAllocator({ start: reservation.agencyStart, count: reservation.agencyCount });
  let numbersUsed = 0;
  const facts: RunFacts = {
    runId: options.runId,
    sutCode: options.sut.code,
    timing: options.timing,
    ...(options.pki ? { pki: options.pki } : {}),
    documentDeadlineSeconds: (documentId) => declaredDeadlines.get(documentId) ?? options.timing.responseSeconds,
    earliestArrival: (time) => stalls.earliestArrival(time.getTime()),
    nextCodeNumber() {
      if (numbersUsed >= reservation.numberCount) {
        throw new CaseStop('error', { vi: 'Lượt chạy đã dùng hết số văn bản giữ chỗ', en: 'The run has used every document number it reserved' });
      }
      return String(reservation.numberStart + numbersUsed++);
    },
  };
  const harness: HarnessRecord[] = [];
  const faultWindows: FaultWindow[] = [];

  const definitions = new Map<string, CaseDefinition>();
  for (const definition of options.cases) {
    if (!catalogueEntry(definition.id)) {
      throw new RunConfigError(`Ca kiểm thử không có trong danh mục: ${definition.id}`, `Case not in the catalogue: ${definition.id}`);
    }
    if (definitions.has(definition.id)) {
      throw new RunConfigError(`Ca kiểm thử ${definition.id} được định nghĩa hai lần`, `Case ${definition.id} is defined twice`);
    }
    definitions.set(definition.id, definition);
  }
  const skipIds = new Set(options.operatorSkip ?? []);
  for (const id of skipIds) {
    if (!catalogueEntry(id)) throw new RunConfigError(`Không có ca kiểm thử ${id} để bỏ qua`, `No case ${id} to skip`);
  }

  const runs = casesOfProfile(options.profile)
    .filter((entry) => !options.only || options.only.includes(entry.id))
    .map((entry) => new CaseRun(definitions.get(entry.id), entry));
  options.progress?.runStarted({ runId: options.runId, total: runs.length });

  /**
   * Where a wait's deadline counts from and its budget: from the case's latest stimulus (document
   * injected, trigger accepted) or the answer its previous wait got, whichever came last.
   */
  const deadlineOf = (run: CaseRun, wait: WaitOptions): { from: number; ms: number } => {
    let ms = (wait.deadlineSeconds ?? options.timing.responseSeconds) * 1000;
    let from = run.clockFrom ?? Date.now();
    for (const { window } of run.faults) {
      if (window.end) continue;
      // F-04: the deadline starts when a timed fault (silence) ends; F-05: latency stretches it.
      if (window.fault.durationMs !== undefined && window.fault.kind === 'silence') {
        from = Math.max(from, window.start.getTime() + window.fault.durationMs);
      }
      if (window.fault.kind === 'delay' && window.fault.delayMs) ms += window.fault.delayMs * CALLS_PER_FLOW;
    }
    return { from, ms };
  };

  /** A place at `gate` for the case; given back at once if the operator skips the case meanwhile. */
  const enterFor = async (run: CaseRun, gate: Gate): Promise<() => void> => {
    const entering = gate.enter(run.done.signal);
    try {
      return await Promise.race([entering, run.skipped]);
    } catch (e) {
      entering.then((release) => release(), () => undefined);
      throw e;
    }
  };

  const waiting = (run: CaseRun, what: LocalizedText | undefined) => options.progress?.caseWaiting?.(run.entry.id, what);

  const ownEntries = (run: CaseRun): readonly JournalEntry[] => run.traffic.of(journal.snapshot());

  const judgeContext = (run: CaseRun): JudgeContext => {
    const ctx: JudgeContext = {
      entry: run.entry,
      run: facts,
      get agencies() {
        return run.agencies;
      },
      get documents() {
        return run.documents;
      },
      entries: () => journal.snapshot(),
      ownEntries: () => ownEntries(run),
      faultWindows: () => faultWindows,
      evidence: (...entries) => {
        for (const e of entries) run.evidence.add(typeof e === 'number' ? e : e.id);
      },
      fail(expected, observed, message) {
        throw new CaseStop('fail', message ?? observed, expected, observed);
      },
      warn(expected, observed, message) {
        run.warnings.push({ expected, observed, message: message ?? observed });
      },
      skip(reason) {
        throw new CaseStop('skip', reason);
      },
      pass(message) {
        run.passMessage = message;
      },
      judgeFindings(findings: readonly Finding[], expected, judgeOptions) {
        const stricter = new Set(judgeOptions?.stricter ?? []);
        const errors = findings.filter((f) => f.level === 'error' || stricter.has(f.rule));
        const describe = (list: readonly Finding[]): LocalizedText => ({
          vi: list.map((f) => `${f.rule} ${f.path}: ${f.message.vi}`).join('; '),
          en: list.map((f) => `${f.rule} ${f.path}: ${f.message.en}`).join('; '),
        });
        if (errors.length) ctx.fail(expected, describe(errors));
        const warnings = findings.filter((f) => f.level === 'warning');
        if (warnings.length) ctx.warn(expected, describe(warnings));
      },
    };
    return ctx;
  };

  const caseContext = (run: CaseRun): CaseContext => {
    const judge = judgeContext(run);
    let triggers = 0;
    const waitForValue = async <T>(probe: Parameters<typeof waitOnJournal<T>>[2], wait: WaitOptions): Promise<T> => {
      waiting(run, wait.expected);
      try {
        const found: Found<T> = await waitOnJournal(
          journal,
          { ...deadlineOf(run, wait), expected: wait.expected, caseDone: run.done.signal, stopped: () => run.stop, stalls },
          probe,
        );
        // The next wait of the case answers this answer: its deadline counts from here.
        run.clockFrom = Math.max(run.clockFrom ?? 0, found.at);
        return found.value;
      } finally {
        waiting(run, undefined);
        run.releaseTriggerPlace();
      }
    };
    const waitUntil = <T>(check: (entries: readonly JournalEntry[]) => T | undefined, wait: WaitOptions): Promise<T> => {
      const whole = (): Found<T> | undefined => {
        const entries = journal.snapshot();
        const value = check(entries);
        return value === undefined ? undefined : { value, at: arrivalOf(entries, check) };
      };
      return waitForValue(
        {
          initial: whole,
          // Only an entry of the case's own traffic (its agencies, documents, packets) can answer
          // it: others are not re-checked as they land (the journal is not rescanned per entry).
          // Should a check read anything else, the check before a deadline is declared missed sees it.
          onEntry: (entry) => {
            const own = run.traffic.of(journal.snapshot());
            return own[own.length - 1] === entry ? whole() : undefined;
          },
        },
        wait,
      );
    };
    return {
      ...judge,
      get agencies() {
        return run.agencies;
      },
      get documents() {
        return run.documents;
      },
      document(documentOptions = {}) {
        const from = run.agencies[documentOptions.issuer ?? 0];
        if (from === undefined) {
          throw new CaseStop('error', {
            vi: `Ca ${run.entry.id} không có cơ quan đối tác số ${documentOptions.issuer ?? 0}`,
            en: `Case ${run.entry.id} has no counterpart number ${documentOptions.issuer ?? 0}`,
          });
        }
        const issued = issueCaseDocument(from, facts.nextCodeNumber(), documentOptions.codeNotation ?? `${run.entry.id.replace('-', '')}-TRUC`, documentOptions);
        const document = documentOptions.deadlineSeconds === undefined ? issued : { ...issued, deadlineSeconds: documentOptions.deadlineSeconds };
        if (document.deadlineSeconds !== undefined) declaredDeadlines.set(document.documentId, document.deadlineSeconds);
        run.documents.push(document);
        return document;
      },
      async send(request) {
        if (!run.agencies.includes(request.from)) {
          throw new CaseStop('error', {
            vi: `Ca ${run.entry.id} gửi thay một cơ quan không phải đối tác của nó: ${request.from}`,
            en: `Case ${run.entry.id} sent as an agency that is not its counterpart: ${request.from}`,
          });
        }
        waiting(run, WAITING.injectTurn);
        const release = await enterFor(run, injectionGate);
        let result;
        try {
          await injectionRate.pass(run.done.signal);
          result = await options.port.inject(request);
        } finally {
          release();
          waiting(run, undefined);
        }
        run.senderIds.add(result.senderId);
        if (result.journalId !== undefined) run.evidence.add(result.journalId);
        // The deadline of what the case now awaits counts from the delivery.
        const delivered = result.journalId === undefined ? undefined : journal.snapshot().findLast((e) => e.id === result.journalId);
        run.clockFrom = delivered?.time.getTime() ?? Date.now();
        return result;
      },
      async trigger(action) {
        triggers++;
        // The budget the trigger JSON states is the one the following wait applies (faults included).
        const budget = deadlineOf(run, { expected: WAITING.triggerAccept }).ms / 1000;
        const trigger = triggerJson(options.runId, run.entry.id, action, budget);
        // A triggered action holds its place until the case has seen the SUT act on it (its next
        // wait ends) or the case ends: "one at a time" means one action the SUT is carrying out,
        // not merely one driver call (an in-process or webhook trigger is accepted at once).
        // A case triggering twice before it waits keeps the place it has.
        if (!run.triggerPlace) {
          waiting(run, WAITING.triggerTurn);
          run.triggerPlace = await enterFor(run, triggerGate);
        }
        let outcome;
        try {
          waiting(run, WAITING.triggerAccept);
          outcome = await options.driver.trigger({
            trigger,
            operatorSkip: () => run.operatorSkip(),
            caseDone: run.done.signal,
            settled: run.triggersSettled.signal,
          });
        } finally {
          waiting(run, undefined);
        }
        // That budget counts from the acceptance.
        run.clockFrom = Date.now();
        const record: HarnessRecord = {
          id: `${run.entry.id}/trigger-${triggers}`,
          caseId: run.entry.id,
          time: new Date(),
          driver: options.driver.name,
          trigger,
          outcome: outcome.kind,
          ...(outcome.kind === 'accepted' ? {} : { reason: outcome.reason }),
          ...(outcome.output ? { output: outcome.output } : {}),
        };
        harness.push(record);
        run.evidence.add(record.id);
        if (outcome.kind === 'refused') {
          throw new CaseStop(
            'fail',
            outcome.reason,
            { vi: `Hệ thống thực hiện thao tác ${action.action}`, en: `The system performs the ${action.action} action` },
            outcome.reason,
          );
        }
        if (outcome.kind === 'error') throw new CaseStop('error', outcome.reason);
      },
      waitUntil,
      async waitFor(predicate, wait) {
        // Each entry is tested once, when it lands (the backlog once, at the start).
        const found = await waitForValue(
          {
            initial: () => {
              const entry = journal.snapshot().find(predicate);
              return entry && { value: entry, at: entry.time.getTime() };
            },
            onEntry: (entry) => (predicate(entry) ? { value: entry, at: entry.time.getTime() } : undefined),
          },
          wait,
        );
        run.evidence.add(found.id);
        return found;
      },
      async fault(request) {
        if (run.definition?.schedule !== 'alone') {
          throw new CaseStop('error', {
            vi: `Chỉ ca chạy riêng mới được gây lỗi trục (${run.entry.id})`,
            en: `Only cases that run alone may inject faults (${run.entry.id})`,
          });
        }
        const start = new Date();
        const { durationMs, ...rest } = request;
        const id = await options.port.setFault({
          ...rest,
          agencies: [options.sut.code],
          ...(durationMs === undefined ? {} : { from: start.toISOString(), until: new Date(start.getTime() + durationMs).toISOString() }),
        });
        const window: FaultWindow = { caseId: run.entry.id, fault: request, start };
        faultWindows.push(window);
        run.faults.push({ id, window });
      },
      async endFault() {
        const last = [...run.faults].reverse().find((f) => !f.window.end);
        if (!last) return;
        await options.port.clearFault(last.id);
        last.window.end = new Date();
        run.clockFrom = last.window.end.getTime();
      },
    };
  };

  const clearFaults = async (run: CaseRun): Promise<void> => {
    for (const f of run.faults) {
      if (f.window.end) continue;
      await options.port.clearFault(f.id);
      f.window.end = new Date();
    }
  };

  const stepsOf = (definition: CaseDefinition, ctx: CaseContext, run: CaseRun) => async () => {
    run.state = await definition.setup?.(ctx);
    await definition.act?.(ctx, run.state);
    const awaited = await definition.await?.(ctx, run.state);
    await definition.assert?.(ctx, run.state, awaited);
  };

  /** The positive phase of one case; absence checks come later. */
  const runPositive = async (run: CaseRun): Promise<void> => {
    options.progress?.caseStarted(run.entry);
    run.started = Date.now();
    if (options.interrupt?.aborted) {
      run.stop = new CaseStop('skip', INTERRUPTED, undefined, undefined, true);
    } else if (skipIds.has(run.entry.id)) {
      run.stop = new CaseStop('skip', OPERATOR_SKIPPED, undefined, undefined, true);
    } else if (!run.definition) {
      run.stop = new CaseStop('error', {
        vi: 'Ca kiểm thử chưa được cài đặt trong phiên bản bộ kiểm thử này',
        en: 'This case is not implemented in this suite version',
      });
    } else {
      try {
        run.agencies = allocator.allocate(run.entry.id, run.definition.counterparts);
        if (run.agencies.length) {
          await options.port.provisionAgencies(
            run.agencies.map((code, i) => ({ code, name: `Cơ quan thử nghiệm ${run.entry.id} số ${i + 1}` })),
          );
        }
        await Promise.race([stepsOf(run.definition, caseContext(run), run)(), run.skipped]);
      } catch (e) {
        run.stop = e instanceof CaseStop ? e : new CaseStop('error', errorText(e));
      }
      try {
        await clearFaults(run);
      } catch (e) {
        run.stop ??= new CaseStop('error', errorText(e));
      }
    }
    run.releaseTriggerPlace();
    run.durationMs = Date.now() - run.started;
    if (run.stop || !run.definition?.absence) finish(run);
  };

  const outcomes = new Map<CaseRun, CaseOutcome>();
  const finish = (run: CaseRun): void => {
    run.done.abort();
    outcomes.set(run, outcomeOf(run));
    options.progress?.caseFinished(outcomes.get(run)!);
  };

  const pool = async (list: CaseRun[], limit: number): Promise<void> => {
    let next = 0;
    const worker = async () => {
      while (next < list.length) await runPositive(list[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
  };

  // Ctrl-C: every case still running ends skipped by the operator, and the run reports what it has.
  const onInterrupt = () => {
    for (const run of runs) if (!outcomes.has(run)) run.operatorSkip(INTERRUPTED);
  };
  options.interrupt?.addEventListener('abort', onInterrupt, { once: true });

  const concurrent = runs.filter((r) => r.definition?.schedule !== 'alone');
  const alone = runs.filter((r) => r.definition?.schedule === 'alone');
  await pool(concurrent, Math.max(1, options.concurrency ?? concurrent.length));
  if (alone.length) options.progress?.phase({ vi: 'Các ca phục hồi (chạy riêng)', en: 'Resilience cases (run alone)' });
  await pool(alone, 1);

  const pendingAbsence = runs.filter((r) => !outcomes.has(r));
  if (pendingAbsence.length) {
    options.progress?.phase({
      vi: `Cửa sổ lắng ${options.timing.settleSeconds} giây cho các kiểm tra vắng mặt`,
      en: `Settle window of ${options.timing.settleSeconds} s for absence checks`,
    });
    // The one deliberate wait of a run: absence ("at most one …") can only be judged after quiet time.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.timing.settleSeconds * 1000);
      function done() {
        clearTimeout(timer);
        options.interrupt?.removeEventListener('abort', done);
        resolve();
      }
      options.interrupt?.addEventListener('abort', done, { once: true });
    });
    for (const run of pendingAbsence) {
      if (options.interrupt?.aborted) {
        // Quiet time cut short: an absence judged now could not be trusted.
        run.stop = new CaseStop('skip', INTERRUPTED, undefined, undefined, true);
        finish(run);
        continue;
      }
      try {
        await run.definition!.absence!(judgeContext(run), run.state);
      } catch (e) {
        run.stop = e instanceof CaseStop ? e : new CaseStop('error', errorText(e));
      }
      finish(run);
    }
  }

  options.interrupt?.removeEventListener('abort', onInterrupt);
  stalls.stop();
  const cases = runs.map((r) => outcomes.get(r)!);
  // Evidence with a gap cannot certify anything, either way: the run ends incomplete (docs/axis.md).
  const journalLost = (await options.port.journalLost?.()) ?? 0;
  const record: RunRecord = {
    runId: options.runId,
    profile: options.profile,
    timing: options.timing,
    sut: options.sut,
    suiteVersion: options.suiteVersion,
    startedAt,
    finishedAt: new Date(),
    verdict: journalLost > 0 ? 'incomplete' : verdictOf(cases),
    cases,
    journal: [...journal.snapshot()],
    harness,
    ...(journalLost > 0 ? { journalLost } : {}),
  };
  options.progress?.runFinished(record);
  return record;
}

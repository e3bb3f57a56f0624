// Records a run in the sandbox that serves it, as it goes: every case pending, running, waiting
// (on what), then its result; at the end the whole record. The console reads these records, live
// and afterwards. Two sinks: the store of an in-process axis, or the control API of a remote one
// (`truc certify --axis … --control-url …`). Recording never stops a run: a sink failure is told once.
import type { LocalizedText } from '../edxml/finding.ts';
import { RUN_HEARTBEAT_MS } from '../simulator/stale-runs.ts';
import type { CaseResult } from './case.ts';
import { casesOfProfile, type CaseLevel, type RunProfile } from './catalogue.ts';
import type { ProgressReporter } from './progress.ts';
import { runRecordToJson, type RunRecordJson } from './run-json.ts';
import type { RunRecord, SutInfo } from './run-record.ts';
import type { Timing } from './timing.ts';

export type LiveCaseState = 'pending' | 'running' | CaseResult;

export interface LiveCase {
  id: string;
  title: LocalizedText;
  level: CaseLevel;
  state: LiveCaseState;
  /** What a running case waits for. */
  waiting?: LocalizedText;
  message?: LocalizedText;
}

/** What the SUT needs to connect, shown on the live page the whole run long. */
export interface RunConnection {
  axisUrl: string;
  systemId: string;
}

export interface RunData {
  runId: string;
  sut: SutInfo;
  profile: RunProfile;
  timing: Timing;
  startedAt: string;
  connection?: RunConnection;
  phase?: LocalizedText;
  cases: LiveCase[];
  /** Set once finished. */
  record?: RunRecordJson;
  /** Why the run stopped without a verdict. */
  abortedBecause?: LocalizedText;
}

export interface RunPut {
  runId: string;
  sutCode: string;
  profile: string;
  status: 'running' | 'finished' | 'aborted';
  verdict?: string;
  started: Date;
  data: RunData;
}

export type RunSink = (run: RunPut) => Promise<void>;

export interface RunRecorder extends ProgressReporter {
  /** Resolves once the last state is recorded. */
  finished(record: RunRecord): Promise<void>;
  aborted(reason: LocalizedText): Promise<void>;
}

export interface RecorderOptions {
  runId: string;
  sut: SutInfo;
  profile: RunProfile;
  timing: Timing;
  connection?: RunConnection;
  /** Case ids the run is limited to (re-runs). */
  only?: readonly string[];
  /** Also told everything (the terminal's progress). */
  also?: ProgressReporter;
  onSinkError?: (e: unknown) => void;
}

const THROTTLE_MS = 250;

export function createRunRecorder(sink: RunSink, options: RecorderOptions): RunRecorder {
  const started = new Date();
  const data: RunData = {
    runId: options.runId,
    sut: options.sut,
    profile: options.profile,
    timing: options.timing,
    startedAt: started.toISOString(),
    ...(options.connection ? { connection: options.connection } : {}),
    cases: casesOfProfile(options.profile)
      .filter((e) => !options.only || options.only.includes(e.id))
      .map((e) => ({ id: e.id, title: e.title, level: e.level, state: 'pending' as const })),
  };
  const byId = new Map(data.cases.map((c) => [c.id, c]));
  let status: RunPut['status'] = 'running';
  let verdict: string | undefined;
  let chain: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let warned = false;

  // Puts are serialised so a slow sink never receives an older state after a newer one.
  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const snapshot: RunPut = { runId: options.runId, sutCode: options.sut.code, profile: options.profile, status, verdict, started, data: structuredClone(data) };
    chain = chain
      .then(() => sink(snapshot))
      .catch((e: unknown) => {
        if (!warned) options.onSinkError?.(e);
        warned = true;
      });
    return chain;
  };
  const soon = () => {
    timer ??= setTimeout(() => void flush(), THROTTLE_MS);
  };
  void flush();
  // While the run lasts, a report at least every heartbeat: a sandbox marks a silent run incomplete.
  const heartbeat = setInterval(() => {
    if (status === 'running') void flush();
  }, RUN_HEARTBEAT_MS);
  heartbeat.unref();

  return {
    runStarted(info) {
      options.also?.runStarted(info);
      soon();
    },
    caseStarted(entry) {
      options.also?.caseStarted(entry);
      const c = byId.get(entry.id);
      if (c) c.state = 'running';
      soon();
    },
    caseWaiting(caseId, what) {
      options.also?.caseWaiting?.(caseId, what);
      const c = byId.get(caseId);
      if (c) c.waiting = what;
      soon();
    },
    caseFinished(outcome) {
      options.also?.caseFinished(outcome);
      const c = byId.get(outcome.id);
      if (c) {
        c.state = outcome.result;
        c.message = outcome.message;
        delete c.waiting;
      }
      soon();
    },
    phase(text) {
      options.also?.phase(text);
      data.phase = text;
      soon();
    },
    runFinished(record) {
      options.also?.runFinished(record);
    },
    async finished(record) {
      clearInterval(heartbeat);
      status = 'finished';
      verdict = record.verdict;
      data.record = runRecordToJson(record);
      for (const c of record.cases) {
        const live = byId.get(c.id);
        if (live) Object.assign(live, { state: c.result, message: c.message });
      }
      await flush();
    },
    async aborted(reason) {
      clearInterval(heartbeat);
      status = 'aborted';
      data.abortedBecause = reason;
      await flush();
    },
  };
}

/** The sink of an axis in this process: its store, then its run event for live views. */
export const storeRunSink =
  (core: { store: { putRun(run: RunPut & { updated: Date; tenant?: string }): Promise<void> }; runEvents: { emit(event: 'run', runId: string): boolean } }, tenant?: string): RunSink =>
  async (run) => {
    await core.store.putRun({ ...run, updated: new Date(), ...(tenant ? { tenant } : {}) });
    core.runEvents.emit('run', run.runId);
  };

/** The sink of a remote sandbox: its control API (`PUT /runs/:id`). */
export const controlRunSink =
  (controlUrl: string, token: string): RunSink =>
  async (run) => {
    const response = await fetch(`${controlUrl.replace(/\/+$/, '')}/runs/${encodeURIComponent(run.runId)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...run, started: run.started.toISOString() }),
    });
    if (!response.ok) throw new Error(`PUT /runs → HTTP ${response.status}`);
  };

// Progress of a run for the person watching it. On a terminal: one line per finished case and a
// live status line (running cases, counts, elapsed time) redrawn in place. Elsewhere (CI logs,
// files): plain lines only, one per event, nothing redrawn.
import type { LocalizedText } from '../edxml/finding.ts';
import type { CaseResult } from './case.ts';
import type { CatalogueEntry } from './catalogue.ts';
import type { CaseOutcome, RunRecord } from './run-record.ts';

export interface ProgressReporter {
  runStarted(info: { runId: string; total: number }): void;
  caseStarted(entry: CatalogueEntry): void;
  caseFinished(outcome: CaseOutcome): void;
  /** What a running case now waits for (its turn to trigger, the SUT's answer, …); undefined when it stops waiting. */
  caseWaiting?(caseId: string, what: LocalizedText | undefined): void;
  phase(text: LocalizedText): void;
  runFinished(record: RunRecord): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** Terminal width: the live line is cut to it, or it would wrap and could not be redrawn. */
  columns?: number;
}

const MARK: Record<CaseResult, string> = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', skip: 'SKIP', error: 'ERROR' };

const elapsed = (ms: number): string => {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** A waiting reason cut to fit the live line. */
const short = (text: string): string => (text.length > 32 ? `${text.slice(0, 31)}…` : text);

export function createProgressReporter(stream: ProgressStream, now: () => number = Date.now): ProgressReporter {
  const tty = stream.isTTY === true;
  const counts: Record<CaseResult, number> = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
  const running = new Set<string>();
  const waitingFor = new Map<string, LocalizedText>();
  let lastWaitingLine = 0;
  const WAITING_LINE_MS = 15_000;
  let total = 0;
  let started = now();
  let done = 0;
  let ticker: NodeJS.Timeout | undefined;

  const status = (): string => {
    const list = [...running]
      .slice(0, 6)
      .map((id) => (waitingFor.has(id) ? `${id} (${short(waitingFor.get(id)!.en)})` : id))
      .join(' ');
    const more = running.size > 6 ? ` +${running.size - 6}` : '';
    const text =
      `[${elapsed(now() - started)}] ${done}/${total} ✓${counts.pass} ✗${counts.fail} !${counts.warn} ` +
      `-${counts.skip} E${counts.error}${running.size ? ` · ${list}${more}` : ''}`;
    const width = (stream.columns ?? 120) - 1;
    return text.length > width ? `${text.slice(0, width - 1)}…` : text;
  };
  // Clear the live line, print a permanent line, redraw the live line under it.
  const line = (text: string) => {
    if (tty) stream.write(`\r\x1b[K${text}\n${status()}`);
    else stream.write(`${text}\n`);
  };

  return {
    runStarted(info) {
      total = info.total;
      started = now();
      line(`truc: lượt ${info.runId} — ${total} ca / run ${info.runId} — ${total} cases`);
      // Long waits (certification timing) must still show time passing on the live line.
      if (tty) {
        ticker = setInterval(() => stream.write(`\r\x1b[K${status()}`), 1000);
        ticker.unref();
      }
    },
    caseStarted(entry) {
      running.add(entry.id);
      if (tty) stream.write(`\r\x1b[K${status()}`);
      else stream.write(`[${elapsed(now() - started)}] ${entry.id} …\n`);
    },
    caseWaiting(caseId, what) {
      if (what) waitingFor.set(caseId, what);
      else waitingFor.delete(caseId);
      // Off a terminal nothing is redrawn: what the cases wait for goes out now and then.
      if (!tty && what && now() - lastWaitingLine >= WAITING_LINE_MS && waitingFor.size) {
        lastWaitingLine = now();
        const list = [...waitingFor].map(([id, w]) => `${id}: ${short(w.en)}`).join('; ');
        stream.write(`[${elapsed(now() - started)}] chờ / waiting — ${list}\n`);
      }
    },
    caseFinished(outcome) {
      running.delete(outcome.id);
      waitingFor.delete(outcome.id);
      counts[outcome.result]++;
      done++;
      const why = outcome.result === 'pass' ? '' : ` — ${outcome.message.vi} / ${outcome.message.en}`;
      line(`[${elapsed(now() - started)}] ${MARK[outcome.result].padEnd(5)} ${outcome.id} ${outcome.title.en}${why}`);
    },
    phase(text) {
      line(`${text.vi} / ${text.en}`);
    },
    runFinished(record) {
      clearInterval(ticker);
      const summary =
        `Kết luận / Verdict: ${record.verdict} — ${counts.pass} pass, ${counts.fail} fail, ${counts.warn} warn, ` +
        `${counts.skip} skip, ${counts.error} error (${elapsed(now() - started)})`;
      if (tty) stream.write(`\r\x1b[K${summary}\n`);
      else stream.write(`${summary}\n`);
    },
  };
}

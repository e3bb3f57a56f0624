import { describe, expect, it } from 'vitest';
import { catalogueEntry } from './catalogue.ts';
import { createProgressReporter } from './progress.ts';
import type { CaseOutcome, RunRecord } from './run-record.ts';

const entry = catalogueEntry('R-01')!;
const outcome = (result: CaseOutcome['result']): CaseOutcome => ({
  ...entry,
  result,
  message: { vi: 'không thấy xác nhận', en: 'no acknowledgement' },
  evidence: [],
  operatorSkipped: false,
  durationMs: 5,
});

function drive(isTTY: boolean): string {
  let text = '';
  let clock = 0;
  const reporter = createProgressReporter({ isTTY, write: (s: string) => (text += s) }, () => clock);
  reporter.runStarted({ runId: 'r-1', total: 2 });
  reporter.caseStarted(entry);
  clock = 65_000;
  reporter.caseFinished(outcome('fail'));
  reporter.runFinished({ verdict: 'not-conformant' } as RunRecord);
  return text;
}

describe('progress', () => {
  it('writes plain lines without control characters when not a terminal', () => {
    const text = drive(false);
    expect(text).not.toContain('\x1b');
    expect(text.split('\n')).toEqual([
      'truc: lượt r-1 — 2 ca / run r-1 — 2 cases',
      '[00:00] R-01 …',
      '[01:05] FAIL  R-01 A new document is listed, fetched and acknowledged done in time — không thấy xác nhận / no acknowledgement',
      'Kết luận / Verdict: not-conformant — 0 pass, 1 fail, 0 warn, 0 skip, 0 error (01:05)',
      '',
    ]);
  });

  it('keeps a live status line with counts and elapsed time on a terminal', () => {
    const text = drive(true);
    expect(text).toContain('\r\x1b[K[00:00] 0/2 ✓0 ✗0 !0 -0 E0 · R-01');
    expect(text).toContain('[01:05] 1/2 ✓0 ✗1');
  });
});

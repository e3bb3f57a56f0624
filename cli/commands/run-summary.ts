// The last lines of `truc demo` and `truc certify`: verdict, counts, and where report.html is.
import { join } from 'node:path';
import type { CaseResult } from '../../conformance/case.ts';
import type { RunRecord } from '../../conformance/run-record.ts';

const VERDICT_VI = { conformant: 'đạt', 'not-conformant': 'không đạt', incomplete: 'chưa đủ' } as const;

export function printRunSummary(run: RunRecord, dir: string, out: { write(text: string): unknown } = process.stdout): void {
  const counts: Record<CaseResult, number> = { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
  for (const c of run.cases) counts[c.result]++;
  out.write(
    `Kết luận / Verdict: ${VERDICT_VI[run.verdict]} / ${run.verdict}\n` +
      `Số ca / Cases: ${run.cases.length} — pass ${counts.pass}, fail ${counts.fail}, warn ${counts.warn}, skip ${counts.skip}, error ${counts.error}\n` +
      `Báo cáo / Report: ${join(dir, 'report.html')}\n`,
  );
}

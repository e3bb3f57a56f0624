// report.html: one self-contained page (no scripts, fonts or images fetched), Vietnamese first and
// English beside it, summary first, then every case with excerpts of the evidence it relied on.
// Every piece of text from the run (packet bytes, vendor output) goes through `escapeHtml`.
import type { LocalizedText } from '../../edxml/finding.ts';
import type { CaseResult } from '../case.ts';
import type { JournalEntry } from '../journal-view.ts';
import type { HarnessRecord, RunRecord } from '../run-record.ts';
import { buildReport, type ConformanceReport, type ReportCase } from './report-json.ts';
import { vietnamIso } from '../vietnam-time.ts';

const EXCERPT_CHARS = 2_000;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const both = (t: LocalizedText): string => `<span lang="vi">${escapeHtml(t.vi)}</span> <span class="en" lang="en">${escapeHtml(t.en)}</span>`;

const RESULT_TEXT: Record<CaseResult, LocalizedText> = {
  pass: { vi: 'Đạt', en: 'pass' },
  fail: { vi: 'Không đạt', en: 'fail' },
  warn: { vi: 'Cảnh báo', en: 'warn' },
  skip: { vi: 'Bỏ qua', en: 'skip' },
  error: { vi: 'Lỗi bộ kiểm thử', en: 'error' },
};

const VERDICT_TEXT: Record<ConformanceReport['verdict'], LocalizedText> = {
  conformant: { vi: 'Phù hợp', en: 'Conformant' },
  'not-conformant': { vi: 'Không phù hợp', en: 'Not conformant' },
  incomplete: { vi: 'Chưa đủ kết luận', en: 'Incomplete' },
};

const excerpt = (text: string): string =>
  text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}\n… (+${text.length - EXCERPT_CHARS})` : text;

function exchangeHtml(e: JournalEntry): string {
  const headers = Object.entries(e.headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  const findings = e.findings.map((f) => `${f.level} ${f.rule} ${f.path} — ${f.message.vi} / ${f.message.en}`).join('\n');
  const body = e.bodyExcerpt ? new TextDecoder('utf-8', { fatal: false }).decode(e.bodyExcerpt) : '';
  return `<details class="evidence" open><summary>#${e.id} · ${escapeHtml(vietnamIso(e.time))} · ${escapeHtml(e.operation)} · ${escapeHtml(
    e.caller ?? '?',
  )} · ${escapeHtml(e.outcome.status)} ${escapeHtml(e.outcome.errorCode)}${e.fault ? ` · fault ${escapeHtml(e.fault)}` : ''}</summary>
<pre>${escapeHtml(headers)}</pre>${findings ? `<pre class="findings">${escapeHtml(findings)}</pre>` : ''}${
    body ? `<pre>${escapeHtml(excerpt(body))}</pre>` : ''
  }</details>`;
}

function harnessHtml(h: HarnessRecord): string {
  return `<details class="evidence" open><summary>${escapeHtml(h.id)} · ${escapeHtml(vietnamIso(h.time))} · ${escapeHtml(h.driver)} · ${escapeHtml(
    h.outcome,
  )}</summary>
<pre>${escapeHtml(JSON.stringify(h.trigger, null, 2))}</pre>${h.reason ? `<p>${both(h.reason)}</p>` : ''}${
    h.output ? `<pre>${escapeHtml(excerpt(h.output))}</pre>` : ''
  }</details>`;
}

function caseHtml(c: ReportCase, exchanges: Map<number, JournalEntry>, harness: Map<string, HarnessRecord>): string {
  const evidence = c.evidence
    .map((id) => {
      const found = typeof id === 'number' ? exchanges.get(id) : harness.get(id);
      if (!found) return `<p class="missing">${escapeHtml(String(id))}</p>`;
      return typeof id === 'number' ? exchangeHtml(found as JournalEntry) : harnessHtml(found as HarnessRecord);
    })
    .join('\n');
  const explain =
    c.expected && c.observed
      ? `<dl><dt>Mong đợi <span class="en">Expected</span></dt><dd>${both(c.expected)}</dd><dt>Quan sát <span class="en">Observed</span></dt><dd>${both(
          c.observed,
        )}</dd></dl>`
      : '';
  return `<section class="case ${c.result}" id="${escapeHtml(c.id)}">
<h3><span class="badge ${c.result}">${both(RESULT_TEXT[c.result])}</span> ${escapeHtml(c.id)} — ${both(c.title)}</h3>
<p class="meta">${escapeHtml(c.requirement.source)} · ${escapeHtml(c.requirement.article)} · ${
    c.level === 'required' ? 'Bắt buộc <span class="en">required</span>' : 'Khuyến nghị <span class="en">recommended</span>'
  }</p>
<p>${both(c.message)}</p>${explain}
${evidence ? `<div class="evidence-list">${evidence}</div>` : ''}
</section>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1b1b1b;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem;margin:.2rem 0}
.en{color:#555;font-style:italic}.en::before{content:"/ "}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
.verdict{font-size:1.3rem;padding:.6rem 1rem;border-radius:.3rem;display:inline-block}
.verdict.conformant{background:#d8f0d8}.verdict.not-conformant{background:#f6d4d4}.verdict.incomplete{background:#f8ecc4}
.badge{display:inline-block;min-width:5rem;padding:0 .4rem;border-radius:.2rem;font-size:.85em}
.badge.pass{background:#d8f0d8}.badge.fail{background:#f6d4d4}.badge.warn{background:#f8ecc4}.badge.skip{background:#e4e4e4}.badge.error{background:#e3d4f6}
.case{border-top:1px solid #ddd;padding:.6rem 0;break-inside:avoid}.meta{color:#555;margin:.2rem 0}
pre{background:#f6f6f6;padding:.4rem;white-space:pre-wrap;word-break:break-all;font-size:12px;max-height:20rem;overflow:auto}
dt{font-weight:600}dd{margin:0 0 .3rem 1rem}.missing{color:#900}
@media print{body{margin:0;max-width:none;font-size:11px}details{display:block}details>*{display:block}pre{max-height:none;overflow:visible}
a{color:inherit;text-decoration:none}.case{page-break-inside:avoid}}
`;

export function renderReportHtml(run: RunRecord): string {
  const report = buildReport(run);
  const exchanges = new Map(run.journal.map((e) => [e.id, e]));
  const harness = new Map(run.harness.map((h) => [h.id, h]));
  const counts = (['pass', 'fail', 'warn', 'skip', 'error'] as const).map((r) => [r, report.cases.filter((c) => c.result === r).length] as const);
  const rows = report.cases
    .map(
      (c) =>
        `<tr><td><a href="#${escapeHtml(c.id)}">${escapeHtml(c.id)}</a></td><td>${both(c.title)}</td><td>${
          c.level === 'required' ? 'R' : 'W'
        }</td><td><span class="badge ${c.result}">${both(RESULT_TEXT[c.result])}</span></td></tr>`,
    )
    .join('\n');
  const sut = report.sut;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>truc — ${escapeHtml(sut.code)} — ${escapeHtml(VERDICT_TEXT[report.verdict].en)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Báo cáo kiểm tra phù hợp trục liên thông văn bản <span class="en">Document-axis conformance report</span></h1>
<p class="verdict ${report.verdict}">${both(VERDICT_TEXT[report.verdict])}</p>
<table>
<tr><th>Hệ thống <span class="en">System</span></th><td>${escapeHtml(sut.code)} — ${escapeHtml(sut.name)}${
    sut.software ? ` · ${escapeHtml(sut.software)} ${escapeHtml(sut.version ?? '')}` : ''
  }</td></tr>
<tr><th>Hồ sơ <span class="en">Profile</span></th><td>${escapeHtml(report.profile)}</td></tr>
<tr><th>Thời hạn <span class="en">Timing</span></th><td>${escapeHtml(report.timing.profile)} · ${report.timing.responseSeconds} s · settle ${
    report.timing.settleSeconds
  } s</td></tr>
<tr><th>Thời gian <span class="en">Time</span></th><td>${escapeHtml(report.startedAt)} → ${escapeHtml(report.finishedAt)}</td></tr>
<tr><th>Bộ kiểm thử <span class="en">Suite</span></th><td>truc ${escapeHtml(report.suiteVersion)} · ${escapeHtml(run.runId)}</td></tr>
<tr><th>Kết quả <span class="en">Results</span></th><td>${counts
    .map(([r, n]) => `<span class="badge ${r}">${both(RESULT_TEXT[r])}: ${n}</span>`)
    .join(' ')}</td></tr>
</table>
<h2>Tóm tắt <span class="en">Summary</span></h2>
<table><tr><th>Mã <span class="en">Id</span></th><th>Nội dung <span class="en">Check</span></th><th>R/W</th><th>Kết quả <span class="en">Result</span></th></tr>
${rows}
</table>
<h2>Chi tiết và chứng cứ <span class="en">Details and evidence</span></h2>
${report.cases.map((c) => caseHtml(c, exchanges, harness)).join('\n')}
</body>
</html>
`;
}

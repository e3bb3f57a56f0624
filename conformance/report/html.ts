// report.html: one self-contained page for people (no scripts, fonts or images fetched), Vietnamese
// first and English beside it. Order: verdict and who signed it, what needs attention (failures,
// errors, warnings, each with expected, observed and a link to its evidence), the review trail,
// every case in one compact table, then the evidence, collapsed. Printed, it keeps a running
// header (SUT, run, verdict) and page numbers, and leaves out the evidence of passing cases
// (journal.jsonl holds all of it). Every piece of text from the run goes through `escapeHtml`.
import type { LocalizedText } from '../../edxml/finding.ts';
import type { CaseResult } from '../case.ts';
import type { JournalEntry } from '../journal-view.ts';
import type { HarnessRecord, RunRecord } from '../run-record.ts';
import { vietnamIso } from '../vietnam-time.ts';
import { buildReport, type ConformanceReport, type ReportCase } from './report-json.ts';
import { SIGNER_TEXT, type SignerInfo } from './signer.ts';

const EXCERPT_CHARS = 2_000;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** For CSS `content:` strings: no quote, backslash or line break can escape the string. */
const cssString = (text: string): string => text.replace(/[\\"\n\r<>]/g, ' ');

const both = (t: LocalizedText): string => `<span lang="vi">${escapeHtml(t.vi)}</span> <span class="en" lang="en">${escapeHtml(t.en)}</span>`;

export const RESULT_TEXT: Record<CaseResult, LocalizedText> = {
  pass: { vi: 'Đạt', en: 'pass' },
  fail: { vi: 'Không đạt', en: 'fail' },
  warn: { vi: 'Cảnh báo', en: 'warn' },
  skip: { vi: 'Bỏ qua', en: 'skip' },
  error: { vi: 'Lỗi bộ kiểm thử', en: 'error' },
};

export const VERDICT_TEXT: Record<ConformanceReport['verdict'], LocalizedText> = {
  conformant: { vi: 'Phù hợp', en: 'Conformant' },
  'not-conformant': { vi: 'Không phù hợp', en: 'Not conformant' },
  incomplete: { vi: 'Chưa đủ kết luận', en: 'Incomplete' },
};

/** What R and W mean, said where they are used. */
export const LEVEL_TEXT = {
  R: { vi: 'R = bắt buộc: quyết định kết luận', en: 'R = required: decides the verdict' },
  W: { vi: 'W = khuyến nghị: chỉ cảnh báo', en: 'W = recommended: warns only' },
} as const;

const excerpt = (text: string): string =>
  text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}\n… (+${text.length - EXCERPT_CHARS})` : text;

const evidenceAnchor = (id: string | number): string => `ev-${String(id).replace(/[^A-Za-z0-9_-]/g, '_')}`;

function exchangeHtml(e: JournalEntry, printed: boolean): string {
  const headers = Object.entries(e.headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  const findings = e.findings.map((f) => `${f.level} ${f.rule} ${f.path} — ${f.message.vi} / ${f.message.en}`).join('\n');
  const body = e.bodyExcerpt ? new TextDecoder('utf-8', { fatal: false }).decode(e.bodyExcerpt) : '';
  return `<details class="evidence${printed ? '' : ' noprint'}" id="${evidenceAnchor(e.id)}"><summary>#${e.id} · ${escapeHtml(vietnamIso(e.time))} · ${escapeHtml(
    e.operation,
  )} · ${escapeHtml(e.caller ?? '?')} · ${escapeHtml(e.outcome.status)} ${escapeHtml(e.outcome.errorCode)}${e.fault ? ` · fault ${escapeHtml(e.fault)}` : ''}</summary>
<pre>${escapeHtml(headers)}</pre>${findings ? `<pre class="findings">${escapeHtml(findings)}</pre>` : ''}${body ? `<pre>${escapeHtml(excerpt(body))}</pre>` : ''}</details>`;
}

function harnessHtml(h: HarnessRecord, printed: boolean): string {
  return `<details class="evidence${printed ? '' : ' noprint'}" id="${evidenceAnchor(h.id)}"><summary>${escapeHtml(h.id)} · ${escapeHtml(vietnamIso(h.time))} · ${escapeHtml(
    h.driver,
  )} · ${escapeHtml(h.outcome)}</summary>
<pre>${escapeHtml(JSON.stringify(h.trigger, null, 2))}</pre>${h.reason ? `<p>${both(h.reason)}</p>` : ''}${h.output ? `<pre>${escapeHtml(excerpt(h.output))}</pre>` : ''}</details>`;
}

const level = (c: ReportCase): 'R' | 'W' => (c.level === 'required' ? 'R' : 'W');
const badge = (r: CaseResult): string => `<span class="badge ${r}">${both(RESULT_TEXT[r])}</span>`;
const evidenceLinks = (c: ReportCase): string =>
  c.evidence.map((id) => `<a href="#${evidenceAnchor(id)}">${typeof id === 'number' ? `#${id}` : escapeHtml(id)}</a>`).join(' ');

function attentionHtml(c: ReportCase): string {
  return `<section class="case ${c.result}" id="${escapeHtml(c.id)}">
<h3>${badge(c.result)} ${escapeHtml(c.id)} <abbr title="${escapeHtml(LEVEL_TEXT[level(c)].vi)} / ${escapeHtml(LEVEL_TEXT[level(c)].en)}">${level(c)}</abbr> — ${both(c.title)}</h3>
<p class="meta">${escapeHtml(c.requirement.source)} · ${escapeHtml(c.requirement.article)}</p>
<p>${both(c.message)}</p>
${c.expected ? `<dl><dt>Mong đợi <span class="en">Expected</span></dt><dd>${both(c.expected)}</dd>` : '<dl>'}${
    c.observed ? `<dt>Quan sát <span class="en">Observed</span></dt><dd>${both(c.observed)}</dd>` : ''
  }<dt>Chứng cứ <span class="en">Evidence</span></dt><dd>${evidenceLinks(c) || '—'}</dd></dl>
</section>`;
}

const STYLE = (running: string) => `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:62rem;color:#1b1b1b;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.6rem}h3{font-size:1rem;margin:.2rem 0}
.en{color:#555;font-style:italic}.en::before{content:"/ "}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.2rem .45rem;text-align:left;vertical-align:top}
table.cases td{padding:.1rem .4rem}table.cases .en{display:none}
.verdict{font-size:1.3rem;padding:.6rem 1rem;border-radius:.3rem;display:inline-block}
.verdict.conformant{background:#d8f0d8}.verdict.not-conformant{background:#f6d4d4}.verdict.incomplete{background:#f8ecc4}
.signer{padding:.5rem .8rem;border-left:4px solid #888;background:#f4f4f4}.signer.self-test{border-color:#c77700;background:#fff4e0}
.badge{display:inline-block;min-width:4.5rem;padding:0 .4rem;border-radius:.2rem;font-size:.85em}
.badge.pass{background:#d8f0d8}.badge.fail{background:#f6d4d4}.badge.warn{background:#f8ecc4}.badge.skip{background:#e4e4e4}.badge.error{background:#e3d4f6}
.case{border-top:1px solid #ddd;padding:.5rem 0;break-inside:avoid}.meta{color:#555;margin:.2rem 0}
.jump a{margin-right:.6rem}.legend{color:#444;font-size:.9em}
pre{background:#f6f6f6;padding:.4rem;white-space:pre-wrap;word-break:break-all;font-size:12px;max-height:20rem;overflow:auto}
details.evidence{margin:.15rem 0}details.evidence summary{cursor:pointer;font-family:ui-monospace,monospace;font-size:12px}
dt{font-weight:600}dd{margin:0 0 .3rem 1rem}.missing{color:#900}
@page{size:A4;margin:16mm 12mm 14mm;@top-left{content:"${cssString(running)}";font:9px system-ui,sans-serif;color:#555}
@bottom-right{content:"Trang / Page " counter(page) " / " counter(pages);font:9px system-ui,sans-serif;color:#555}}
@media print{body{margin:0;max-width:none;font-size:10.5px}.noprint{display:none}a{color:inherit;text-decoration:none}
pre{max-height:none;overflow:visible}table.cases{font-size:9.5px}h2{break-after:avoid}}
`;

export function renderReportHtml(run: RunRecord, signer?: SignerInfo): string {
  const report = buildReport(run, signer);
  const exchanges = new Map(run.journal.map((e) => [e.id, e]));
  const harness = new Map(run.harness.map((h) => [h.id, h]));
  const counts = (['pass', 'fail', 'warn', 'skip', 'error'] as const).map((r) => [r, report.cases.filter((c) => c.result === r).length] as const);
  const attention = report.cases.filter((c) => c.result !== 'pass' && !(c.result === 'skip' && !run.cases.find((o) => o.id === c.id)?.operatorSkipped));
  const sut = report.sut;
  const verdict = VERDICT_TEXT[report.verdict];
  const running = `truc · ${sut.code} · ${run.runId} · ${verdict.vi} / ${verdict.en}`;

  // Evidence printed only for the cases that need attention; the rest stays on screen, collapsed.
  const printedEvidence = new Set(attention.flatMap((c) => c.evidence.map(String)));
  const seen = new Set<string>();
  const evidence = report.cases
    .flatMap((c) => c.evidence)
    .filter((id) => !seen.has(String(id)) && seen.add(String(id)))
    .map((id) => {
      const printed = printedEvidence.has(String(id));
      if (typeof id === 'number') {
        const e = exchanges.get(id);
        return e ? exchangeHtml(e, printed) : `<p class="missing" id="${evidenceAnchor(id)}">#${id}</p>`;
      }
      const h = harness.get(id);
      return h ? harnessHtml(h, printed) : `<p class="missing" id="${evidenceAnchor(id)}">${escapeHtml(id)}</p>`;
    })
    .join('\n');

  const rows = report.cases
    .map(
      (c) =>
        `<tr><td><a href="#${escapeHtml(c.result === 'pass' ? `row-${c.id}` : c.id)}" id="row-${escapeHtml(c.id)}">${escapeHtml(c.id)}</a></td><td>${both(c.title)}</td><td>${level(
          c,
        )}</td><td>${badge(c.result)}</td><td>${escapeHtml(c.requirement.source)}</td><td class="noprint">${evidenceLinks(c)}</td></tr>`,
    )
    .join('\n');
  const overrides = report.overrides.length
    ? `<h2 id="review">Xem xét của người chứng nhận <span class="en">Reviewer overrides</span></h2>
<table><tr><th>Ca <span class="en">Case</span></th><th>Đổi <span class="en">Change</span></th><th>Người <span class="en">Who</span></th><th>Lúc <span class="en">When</span></th><th>Lý do <span class="en">Why</span></th></tr>
${report.overrides
  .map(
    (o) =>
      `<tr><td><a href="#row-${escapeHtml(o.caseId)}">${escapeHtml(o.caseId)}</a></td><td>${badge(o.from)} → ${badge(o.to)}</td><td>${escapeHtml(o.reviewer)}</td><td>${escapeHtml(
        o.at,
      )}</td><td>${escapeHtml(o.justification)}</td></tr>`,
  )
  .join('\n')}</table>`
    : '';
  const signerHtml = report.signer
    ? `<p class="signer ${report.signer.kind}"><strong>${both(SIGNER_TEXT[report.signer.kind])}</strong><br><small>${escapeHtml(report.signer.subject)}</small></p>`
    : '';

  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>truc — ${escapeHtml(sut.code)} — ${escapeHtml(verdict.en)}</title>
<style>${STYLE(running)}</style>
</head>
<body>
<h1>Báo cáo kiểm tra phù hợp trục liên thông văn bản <span class="en">Document-axis conformance report</span></h1>
<p class="verdict ${report.verdict}">${both(verdict)}</p>
${signerHtml}
<table>
<tr><th>Hệ thống <span class="en">System</span></th><td>${escapeHtml(sut.code)} — ${escapeHtml(sut.name)}${
    sut.software ? ` · ${escapeHtml(sut.software)} ${escapeHtml(sut.version ?? '')}` : ''
  }${sut.build ? ` · build ${escapeHtml(sut.build)}` : ''}</td></tr>
<tr><th>Lượt <span class="en">Run</span></th><td>${escapeHtml(run.runId)} · ${escapeHtml(report.profile)} · ${escapeHtml(report.timing.profile)} (${report.timing.responseSeconds} s / ${
    report.timing.settleSeconds
  } s) · truc ${escapeHtml(report.suiteVersion)}</td></tr>
<tr><th>Thời gian <span class="en">Time</span></th><td>${escapeHtml(report.startedAt)} → ${escapeHtml(report.finishedAt)}</td></tr>
<tr><th>Kết quả <span class="en">Results</span></th><td>${counts.map(([r, n]) => `<span class="badge ${r}">${both(RESULT_TEXT[r])}: ${n}</span>`).join(' ')}</td></tr>
</table>
<h2 id="attention">Cần xử lý <span class="en">Needs attention</span> (${attention.length})</h2>
${
  attention.length
    ? `<p class="jump">${attention.map((c) => `<a href="#${escapeHtml(c.id)}">${escapeHtml(c.id)} ${escapeHtml(RESULT_TEXT[c.result].vi)}</a>`).join('')}</p>\n${attention.map(attentionHtml).join('\n')}`
    : '<p>Không có ca nào không đạt, lỗi hay cảnh báo. <span class="en">No case failed, errored or warned.</span></p>'
}
${overrides}
<h2 id="cases">Tất cả các ca <span class="en">All cases</span></h2>
<p class="legend">${both(LEVEL_TEXT.R)} · ${both(LEVEL_TEXT.W)}</p>
<table class="cases"><tr><th>Mã <span class="en">Id</span></th><th>Nội dung <span class="en">Check</span></th><th title="${escapeHtml(LEVEL_TEXT.R.vi)}; ${escapeHtml(
    LEVEL_TEXT.W.vi,
  )}">R/W</th><th>Kết quả <span class="en">Result</span></th><th>Căn cứ <span class="en">Source</span></th><th class="noprint">Chứng cứ <span class="en">Evidence</span></th></tr>
${rows}
</table>
<h2 id="evidence">Chứng cứ <span class="en">Evidence</span></h2>
<p class="legend">Mỗi mục là một trao đổi với trục (#số, xem journal.jsonl) hoặc một lệnh gửi tới hệ thống. Bản in chỉ giữ chứng cứ của các ca cần xử lý. <span class="en">Each entry is one exchange with the axis (#id, see journal.jsonl) or one instruction sent to the system. The printout keeps only the evidence of cases that need attention.</span></p>
${evidence}
</body>
</html>
`;
}

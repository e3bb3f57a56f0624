// Requirements coverage: each requirement (regulation and article) with the cases that check it,
// and, for a chosen run, their results. The same table as CSV.
import { html } from 'hono/html';
import { CATALOGUE } from '../conformance/catalogue.ts';
import type { StoredRun } from '../simulator/store/types.ts';
import { badge, loc, tr, type Html } from './layout.ts';
import { csv } from './rollout.ts';
import { caseRows } from './run-view.ts';
import type { PageContext } from './runs-pages.ts';

interface RequirementRow {
  source: string;
  article: string;
  cases: { id: string; level: string; result?: string; title: { vi: string; en: string } }[];
}

export function coverageRows(run: StoredRun | undefined): RequirementRow[] {
  const results = new Map(run ? caseRows(run).map((c) => [c.id, c.state]) : []);
  const rows = new Map<string, RequirementRow>();
  for (const e of CATALOGUE) {
    const key = `${e.requirement.source}\u0000${e.requirement.article}`;
    const row = rows.get(key) ?? { source: e.requirement.source, article: e.requirement.article, cases: [] };
    row.cases.push({ id: e.id, level: e.level === 'required' ? 'R' : 'W', result: results.get(e.id), title: e.title });
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.source.localeCompare(b.source) || a.article.localeCompare(b.article));
}

export const coverageCsv = (run: StoredRun | undefined): string =>
  csv([['source', 'article', 'case', 'level', 'result'], ...coverageRows(run).flatMap((r) => r.cases.map((c) => [r.source, r.article, c.id, c.level, c.result ?? '']))]);

export function coveragePage(ctx: PageContext, runs: StoredRun[], run: StoredRun | undefined): Html {
  const { lang, base } = ctx;
  const rows = coverageRows(run);
  return html`<form class="inline panel" method="get" action="${base}/coverage">
<label>${tr(lang, 'Kết quả của lượt', 'Results of run')}<select name="run"><option value="">—</option>${runs.map(
    (r) => html`<option value="${r.runId}" ${r.runId === run?.runId ? 'selected' : ''}>${r.runId} · ${r.sutCode}</option>`,
  )}</select></label><button type="submit">${tr(lang, 'Xem', 'Show')}</button>
<a href="${base}/coverage.csv${run ? `?run=${encodeURIComponent(run.runId)}` : ''}">CSV</a></form>
<table id="coverage"><tr><th>${tr(lang, 'Văn bản', 'Source')}</th><th>${tr(lang, 'Điều, mục', 'Article')}</th><th>${tr(lang, 'Ca kiểm thử', 'Cases')}</th></tr>
${rows.map(
  (r) => html`<tr><td>${r.source}</td><td>${r.article}</td><td>${r.cases.map(
    (c) => html`<span title="${loc(lang, c.title)}">${c.id} (${c.level}) ${c.result ? badge(lang, c.result) : ''}</span><br>`,
  )}</td></tr>`,
)}</table>`;
}

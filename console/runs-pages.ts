// Runs, live run, case, review and compare pages.
import { html, raw } from 'hono/html';
import { catalogueEntry } from '../conformance/catalogue.ts';
import { LEVEL_TEXT } from '../conformance/report/html.ts';
import type { CaseOverride } from '../conformance/run-record.ts';
import type { StoredRun, SystemRecord } from '../simulator/store/types.ts';
import { badge, loc, time, tr, type Html, type Lang } from './layout.ts';
import { caseRows, countsOf, runData } from './run-view.ts';

export interface PageContext {
  lang: Lang;
  base: string;
}

const counts = (ctx: PageContext, run: StoredRun): Html => {
  const n = countsOf(run);
  return html`${raw(
    (['pass', 'fail', 'warn', 'skip', 'error'] as const)
      .filter((k) => n[k])
      .map((k) => `<span class="badge ${k}">${k} ${n[k]}</span>`)
      .join(' '),
  )}${n.pending || n.running ? html` <span class="muted small">${tr(ctx.lang, 'còn', 'left')} ${n.pending + n.running}</span>` : ''}`;
};

export function runsPage(ctx: PageContext, runs: StoredRun[], systems: SystemRecord[], canStart: boolean, error?: string): Html {
  const { lang, base } = ctx;
  const rows = runs.map(
    (r) => html`<tr>
<td class="id"><a href="${base}/runs/${r.runId}">${r.runId}</a></td>
<td>${r.sutCode}<br><span class="muted small">${runData(r).sut?.software ?? ''} ${runData(r).sut?.version ?? ''}</span></td>
<td>${r.profile}${runData(r).record?.rerunOf ? html`<br><span class="small muted">${tr(lang, 'chạy lại', 're-run of')} ${runData(r).record?.rerunOf}</span>` : ''}</td>
<td>${r.status === 'running' ? badge(lang, 'running') : r.status === 'aborted' ? badge(lang, 'aborted') : badge(lang, r.verdict)}</td>
<td class="nowrap">${time(r.started)}</td>
<td>${counts(ctx, r)}</td>
</tr>`,
  );
  const start = canStart
    ? html`<h2>${tr(lang, 'Bắt đầu một lượt', 'Start a run')}</h2>
<form class="inline panel" method="post" action="${base}/runs">
<label>${tr(lang, 'Hệ thống', 'System')}<select name="systemId">${systems.map((s) => html`<option>${s.systemId}</option>`)}</select></label>
<label>${tr(lang, 'Hồ sơ', 'Profile')}<select name="profile"><option>core</option><option>business</option><option>resilience</option><option>full</option></select></label>
<label>${tr(lang, 'Thời hạn', 'Timing')}<select name="timing"><option>ci</option><option>certification</option></select></label>
<label>${tr(lang, 'Cách kích hoạt', 'Driver')}<select name="driver"><option value="reference">${tr(lang, 'Cơ quan mẫu (trình diễn)', 'Reference agency (demo)')}</option><option value="webhook">webhook</option></select></label>
<label>Webhook URL<input name="webhookUrl" placeholder="https://…"></label>
<label>X-Truc-Token<input name="webhookToken"></label>
<button type="submit">${tr(lang, 'Chạy', 'Run')}</button>
</form>`
    : html`<p class="muted">${tr(lang, 'Lượt được chạy bằng truc certify sẽ hiện ở đây.', 'Runs made with truc certify appear here.')}</p>`;
  return html`${error ? html`<p class="error-box">${error}</p>` : ''}
<table id="runs"><tr><th>${tr(lang, 'Lượt', 'Run')}</th><th>${tr(lang, 'Hệ thống', 'System')}</th><th>${tr(lang, 'Hồ sơ', 'Profile')}</th><th>${tr(
    lang,
    'Kết luận',
    'Verdict',
  )}</th><th>${tr(lang, 'Bắt đầu', 'Started')}</th><th>${tr(lang, 'Số ca', 'Cases')}</th></tr>
${rows.length ? rows : html`<tr><td colspan="6" class="muted">${tr(lang, 'Chưa có lượt nào.', 'No run yet.')}</td></tr>`}
</table>
${start}`;
}

export interface ConnectionInfo {
  axisUrl?: string;
  systemId: string;
  secret?: string;
}

/** The part of the live page that the events refresh: banner and case table. */
export function liveFragment(ctx: PageContext, run: StoredRun): Html {
  const { lang, base } = ctx;
  const data = runData(run);
  const done = run.status !== 'running';
  const rows = caseRows(run).map(
    (c) => html`<tr class="case-${c.state}" data-case="${c.id}">
<td class="id"><a href="${base}/runs/${run.runId}/cases/${c.id}">${c.id}</a></td>
<td>${loc(lang, c.title)}</td>
<td title="${loc(lang, LEVEL_TEXT[c.level === 'required' ? 'R' : 'W'])}">${c.level === 'required' ? 'R' : 'W'}</td>
<td>${badge(lang, c.state)}</td>
<td>${c.state === 'running' && c.waiting ? html`<span class="muted">${tr(lang, 'chờ', 'waiting on')}: ${loc(lang, c.waiting)}</span>` : loc(lang, c.message)}</td>
</tr>`,
  );
  const overrides = (data.record?.overrides ?? []) as CaseOverride[];
  return html`<div ${raw(done ? 'data-done="1"' : '')} class="panel">
${
  run.status === 'finished'
    ? html`<span class="verdict">${badge(lang, run.verdict)}</span>
<a href="${base}/runs/${run.runId}/report.html">report.html</a> · <a href="${base}/runs/${run.runId}/report.json">report.json</a> · <a href="${base}/runs/${run.runId}/junit.xml">junit.xml</a> · <a href="${base}/runs/${run.runId}/run.zip">${tr(lang, 'thư mục kết quả đã ký (.zip)', 'signed run folder (.zip)')}</a> · <a href="${base}/compare?b=${run.runId}">${tr(lang, 'so sánh', 'compare')}</a>`
    : run.status === 'aborted'
      ? html`${badge(lang, 'aborted')} ${loc(lang, data.abortedBecause)}`
      : html`${badge(lang, 'running')} ${loc(lang, data.phase)}`
}
${overrides.length ? html`<p class="small">${tr(lang, 'Đã xem xét', 'Reviewed')}: ${overrides.map((o) => html`${o.caseId} ${o.from}→${o.to} (${o.reviewer}) `)}</p>` : ''}
</div>
<table id="cases"><tr><th>${tr(lang, 'Mã', 'Id')}</th><th>${tr(lang, 'Nội dung', 'Check')}</th><th title="${loc(lang, LEVEL_TEXT.R)}; ${loc(lang, LEVEL_TEXT.W)}">R/W</th><th>${tr(
    lang,
    'Kết quả',
    'Result',
  )}</th><th>${tr(lang, 'Ghi chú', 'Note')}</th></tr>
${rows}
</table>`;
}

export function livePage(ctx: PageContext, run: StoredRun, conn: ConnectionInfo, rerunnable: boolean): Html {
  const { lang, base } = ctx;
  const data = runData(run);
  const failed = caseRows(run).filter((c) => c.state === 'fail' || c.state === 'error').length;
  return html`<div class="panel config" id="config">
<span>${tr(lang, 'Trục', 'Axis')}: <code>${conn.axisUrl ?? data.connection?.axisUrl ?? '—'}</code></span>
<span>systemid: <code>${conn.systemId}</code></span>
<span>secret: <code>${conn.secret ?? '—'}</code></span>
<span><a href="${base}/trust.pem" download>trust.pem</a> · <a href="${base}/crl.pem" download>crl.pem</a></span>
<span class="muted small">${data.sut?.software ?? ''} ${data.sut?.version ?? ''} ${data.sut?.build ? `build ${data.sut.build}` : ''} · ${run.profile} · ${data.timing?.profile ?? ''}</span>
</div>
<p class="small muted">${loc(lang, LEVEL_TEXT.R)} · ${loc(lang, LEVEL_TEXT.W)}</p>
<div id="live" data-live="${base}/runs/${run.runId}">${liveFragment(ctx, run)}</div>
${
  run.status === 'finished' && failed > 0
    ? rerunnable
      ? html`<form method="post" action="${base}/runs/${run.runId}/rerun"><button type="submit">${tr(lang, 'Chạy lại các ca không đạt', 'Re-run the failed cases')} (${failed})</button></form>`
      : html`<p class="small">${tr(lang, 'Chạy lại các ca không đạt', 'Re-run the failed cases')}: <code>truc certify --rerun-failed RUN_DIR …</code></p>`
    : ''
}`;
}

export function casePage(ctx: PageContext, run: StoredRun, caseId: string, error?: string): Html | undefined {
  const { lang, base } = ctx;
  const c = caseRows(run).find((x) => x.id === caseId);
  if (!c) return undefined;
  const entry = catalogueEntry(caseId);
  const overrides = ((runData(run).record?.overrides ?? []) as CaseOverride[]).filter((o) => o.caseId === caseId);
  const level = c.level === 'required' ? 'R' : 'W';
  return html`<p><a href="${base}/runs/${run.runId}">← ${run.runId}</a></p>
<div class="panel">
<p>${badge(lang, c.state)} <b>${c.id}</b> — ${loc(lang, c.title)}</p>
<dl class="fields">
<dt>${tr(lang, 'Căn cứ', 'Requirement')}</dt><dd>${entry?.requirement.source ?? ''} — ${entry?.requirement.article ?? ''}</dd>
<dt>${tr(lang, 'Mức', 'Level')}</dt><dd>${loc(lang, LEVEL_TEXT[level])}</dd>
<dt>${tr(lang, 'Kết quả', 'Result')}</dt><dd>${loc(lang, c.message)}</dd>
${c.expected ? html`<dt>${tr(lang, 'Mong đợi', 'Expected')}</dt><dd>${loc(lang, c.expected)}</dd>` : ''}
${c.observed ? html`<dt>${tr(lang, 'Quan sát', 'Observed')}</dt><dd>${loc(lang, c.observed)}</dd>` : ''}
<dt>${tr(lang, 'Chứng cứ', 'Evidence')}</dt><dd>${
    c.evidence?.length
      ? c.evidence.map((id) => (typeof id === 'number' ? html`<a href="${base}/journal/entries/${id}">#${id}</a> ` : html`<code>${id}</code> `))
      : '—'
  }</dd>
</dl>
</div>
${
  overrides.length
    ? html`<h2>${tr(lang, 'Lịch sử xem xét', 'Review trail')}</h2><table><tr><th>${tr(lang, 'Đổi', 'Change')}</th><th>${tr(lang, 'Người', 'Who')}</th><th>${tr(lang, 'Lúc', 'When')}</th><th>${tr(
        lang,
        'Lý do',
        'Why',
      )}</th></tr>${overrides.map((o) => html`<tr><td>${o.from} → ${o.to}</td><td>${o.reviewer}</td><td>${o.at}</td><td>${o.justification}</td></tr>`)}</table>`
    : ''
}
${
  run.status === 'finished'
    ? html`<h2>${tr(lang, 'Xem xét: đổi kết quả', 'Review: change the result')}</h2>
${error ? html`<p class="error-box" id="review-error">${error}</p>` : ''}
<form method="post" action="${base}/runs/${run.runId}/cases/${c.id}/override" class="panel">
<label>${tr(lang, 'Kết quả mới', 'New result')}<select name="to">${['pass', 'fail', 'warn', 'skip', 'error'].filter((r) => r !== c.state).map((r) => html`<option>${r}</option>`)}</select></label>
<label>${tr(lang, 'Người xem xét', 'Reviewer')}<input name="reviewer" required></label>
<label>${tr(lang, 'Lý do (bắt buộc, ghi vào báo cáo và chứng nhận)', 'Justification (required; goes into the report and the certificate)')}<textarea name="justification"></textarea></label>
<button type="submit">${tr(lang, 'Ghi nhận', 'Record override')}</button>
</form>`
    : ''
}`;
}

export function comparePage(ctx: PageContext, runs: StoredRun[], a: StoredRun | undefined, b: StoredRun | undefined): Html {
  const { lang, base } = ctx;
  const options = (selected: string | undefined) =>
    runs.map((r) => html`<option value="${r.runId}" ${raw(r.runId === selected ? 'selected' : '')}>${r.runId} · ${r.sutCode} · ${r.verdict ?? r.status}</option>`);
  const form = html`<form class="inline panel" method="get" action="${base}/compare">
<label>${tr(lang, 'Lượt trước', 'Earlier run')}<select name="a">${options(a?.runId)}</select></label>
<label>${tr(lang, 'Lượt sau', 'Later run')}<select name="b">${options(b?.runId)}</select></label>
<button type="submit">${tr(lang, 'So sánh', 'Compare')}</button></form>`;
  if (!a || !b) return form;
  if (a.sutCode !== b.sutCode) {
    return html`${form}<p class="error-box">${tr(lang, 'Chỉ so sánh hai lượt của cùng một hệ thống.', 'Compare two runs of the same system only.')}</p>`;
  }
  const before = new Map(caseRows(a).map((c) => [c.id, c]));
  const after = caseRows(b);
  const changed = after.filter((c) => before.get(c.id)?.state !== c.state);
  const rows = changed.map(
    (c) => html`<tr data-case="${c.id}"><td class="id">${c.id}</td><td>${loc(lang, c.title)}</td>
<td><a href="${base}/runs/${a.runId}/cases/${c.id}">${badge(lang, before.get(c.id)?.state ?? '—')}</a></td>
<td><a href="${base}/runs/${b.runId}/cases/${c.id}">${badge(lang, c.state)}</a></td></tr>`,
  );
  return html`${form}
<p>${a.sutCode}: ${badge(lang, a.verdict ?? a.status)} → ${badge(lang, b.verdict ?? b.status)} · ${tr(lang, 'ca thay đổi', 'changed cases')}: <b id="changed-count">${changed.length}</b></p>
<table id="changed"><tr><th>${tr(lang, 'Mã', 'Id')}</th><th>${tr(lang, 'Nội dung', 'Check')}</th><th>${a.runId}</th><th>${b.runId}</th></tr>
${rows.length ? rows : html`<tr><td colspan="4" class="muted">${tr(lang, 'Không ca nào thay đổi.', 'No case changed.')}</td></tr>`}</table>`;
}

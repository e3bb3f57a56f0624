// The web console at /console/ on the sandbox's own port: runs (start, live, case, review,
// compare, re-run), the journal browser, rollout and requirements coverage. Server-rendered;
// the only scripts are the console's own and the packaged chart.js, nothing from the network.
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { Hono, type Context } from 'hono';
import { html, raw } from 'hono/html';
import { streamSSE } from 'hono/streaming';
import type { RunProfile } from '../conformance/catalogue.ts';
import type { Certifier } from '../conformance/report/certifier.ts';
import { renderReportHtml } from '../conformance/report/html.ts';
import { renderJunit } from '../conformance/report/junit.ts';
import { buildReport } from '../conformance/report/report-json.ts';
import { writeRunOutputs } from '../conformance/report/write-run-outputs.ts';
import { applyOverride, ReviewError } from '../conformance/review.ts';
import { runRecordToJson } from '../conformance/run-json.ts';
import type { RunRecord } from '../conformance/run-record.ts';
import { decodeBase64, parsePacket } from '../edxml/index.ts';
import type { Axis } from '../simulator/axis.ts';
import type { PkiFolder } from '../simulator/pki-folder.ts';
import { consoleAuth, tenantOfConsole, type ConsoleEnv } from './auth.ts';
import { coverageCsv, coveragePage } from './coverage.ts';
import { entryPage, journalListPage } from './journal-pages.ts';
import { badge, loc, page, tr } from './layout.ts';
import { loadRollout, rolloutCsv } from './rollout.ts';
import { caseRows, fullRecord, runData, visibleRun } from './run-view.ts';
import { casePage, comparePage, livePage, liveFragment, runsPage, type PageContext } from './runs-pages.ts';
import { startConsoleRun, StartRunError, type StartRunRequest } from './start-run.ts';

export const CONSOLE_BASE = '/console';

export interface ConsoleOptions {
  axis: Axis;
  /** The operations' public URL, shown to the SUT's operator (known once the server listens). */
  axisUrl: () => string;
  /** Signs the run folders the console hands out (the sandbox's test PKI: marked self-test). */
  certifier: () => Certifier;
  /** Present on `truc serve`: runs can be started from the console. */
  pki?: PkiFolder;
}

const ASSETS: Record<string, { url: URL; type: string }> = {
  'console.css': { url: new URL('./assets/console.css', import.meta.url), type: 'text/css; charset=utf-8' },
  'live.js': { url: new URL('./assets/live.js', import.meta.url), type: 'text/javascript; charset=utf-8' },
  'rollout.js': { url: new URL('./assets/rollout.js', import.meta.url), type: 'text/javascript; charset=utf-8' },
  // The chart library ships with the package (a dependency), never from a CDN.
  'chart.js': { url: new URL('./chart.umd.min.js', import.meta.resolve('chart.js')), type: 'text/javascript; charset=utf-8' },
};

const PROFILES: readonly RunProfile[] = ['core', 'business', 'resilience', 'full'];

export function consoleApp(options: ConsoleOptions): Hono<ConsoleEnv> {
  const { axis } = options;
  const store = axis.core.store;
  const base = CONSOLE_BASE;
  const started = new Map<string, StartRunRequest>();
  const app = new Hono<ConsoleEnv>({ strict: false }).basePath(base);
  app.use('*', consoleAuth(store, axis.controlToken, base));
  const ctxOf = (c: { get(key: 'lang'): 'vi' | 'en' }): PageContext => ({ lang: c.get('lang'), base });

  app.get('/assets/:name', async (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (!asset) return c.notFound();
    return c.body(await readFile(asset.url), 200, { 'content-type': asset.type, 'cache-control': 'max-age=3600' });
  });

  const systemsOf = async (tenant: string | undefined) => (await store.listSystems()).filter((s) => tenant === undefined || s.tenant === tenant);

  app.get('/', async (c) => {
    const ctx = ctxOf(c);
    const tenant = tenantOfConsole(c);
    const runs = await store.listRuns({ tenant, limit: 200 });
    return c.html(page(ctx.lang, base, tr(ctx.lang, 'Các lượt kiểm thử', 'Runs'), runsPage(ctx, runs, await systemsOf(tenant), options.pki !== undefined), { active: 'runs' }));
  });

  const start = async (request: StartRunRequest, tenant: string | undefined) => {
    const runId = await startConsoleRun(axis, options.pki!, request, tenant, options.axisUrl());
    started.set(runId, request);
    return runId;
  };

  app.post('/runs', async (c) => {
    const ctx = ctxOf(c);
    const tenant = tenantOfConsole(c);
    const form = await c.req.parseBody();
    const profile = String(form.profile ?? 'core') as RunProfile;
    const request: StartRunRequest = {
      systemId: String(form.systemId ?? ''),
      profile: PROFILES.includes(profile) ? profile : 'core',
      timing: form.timing === 'certification' ? 'certification' : 'ci',
      driver: form.driver === 'webhook' ? 'webhook' : 'reference',
      webhookUrl: form.webhookUrl ? String(form.webhookUrl) : undefined,
      webhookToken: form.webhookToken ? String(form.webhookToken) : undefined,
    };
    if (!options.pki) return c.text('Not available', 404);
    try {
      return c.redirect(`${base}/runs/${await start(request, tenant)}`, 303);
    } catch (e) {
      if (!(e instanceof StartRunError)) throw e;
      const runs = await store.listRuns({ tenant, limit: 200 });
      return c.html(page(ctx.lang, base, tr(ctx.lang, 'Các lượt kiểm thử', 'Runs'), runsPage(ctx, runs, await systemsOf(tenant), true, ctx.lang === 'en' ? e.en : e.vi)), 400);
    }
  });

  app.get('/runs/:id', async (c) => {
    const ctx = ctxOf(c);
    const run = await visibleRun(store, c.req.param('id'), tenantOfConsole(c));
    if (!run) return c.notFound();
    const system = await store.getSystem(run.sutCode);
    const conn = { axisUrl: runData(run).connection?.axisUrl ?? options.axisUrl(), systemId: run.sutCode, secret: system?.secret };
    return c.html(page(ctx.lang, base, `${tr(ctx.lang, 'Lượt', 'Run')} ${run.runId}`, livePage(ctx, run, conn, started.has(run.runId)), { script: 'live.js', active: 'runs' }));
  });

  app.get('/runs/:id/fragment', async (c) => {
    const run = await visibleRun(store, c.req.param('id'), tenantOfConsole(c));
    if (!run) return c.notFound();
    return c.html(liveFragment(ctxOf(c), run));
  });

  app.get('/runs/:id/events', async (c) => {
    const runId = c.req.param('id');
    const run = await visibleRun(store, runId, tenantOfConsole(c));
    if (!run) return c.notFound();
    return streamSSE(c, async (stream) => {
      let wake: (() => void) | undefined;
      let changed = true;
      const listener = (id: string) => {
        if (id !== runId) return;
        changed = true;
        wake?.();
      };
      axis.core.runEvents.on('run', listener);
      let closed = false;
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      try {
        while (!closed) {
          if (changed) {
            changed = false;
            const now = await store.getRun(runId);
            await stream.writeSSE({ event: 'run', data: JSON.stringify({ status: now?.status, verdict: now?.verdict }) });
            if (now?.status !== 'running') break;
          } else await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        axis.core.runEvents.off('run', listener);
      }
    });
  });

  app.get('/runs/:id/cases/:case', async (c) => {
    const ctx = ctxOf(c);
    const run = await visibleRun(store, c.req.param('id'), tenantOfConsole(c));
    const body = run && casePage(ctx, run, c.req.param('case'));
    if (!run || !body) return c.notFound();
    return c.html(page(ctx.lang, base, `${c.req.param('case')} · ${run.runId}`, body, { active: 'runs' }));
  });

  app.post('/runs/:id/cases/:case/override', async (c) => {
    const ctx = ctxOf(c);
    const run = await visibleRun(store, c.req.param('id'), tenantOfConsole(c));
    const record = run && (await fullRecord(store, run));
    if (!run || !record) return c.notFound();
    const form = await c.req.parseBody();
    const principal = c.get('principal');
    const who = `${String(form.reviewer ?? '').trim()}${principal.kind === 'tenant' ? ` [${principal.tenant}]` : ''}`;
    try {
      const reviewed = applyOverride(record, { caseId: c.req.param('case'), to: String(form.to ?? ''), reviewer: who, justification: String(form.justification ?? '') });
      const data = runData(run);
      data.record = runRecordToJson(reviewed);
      for (const live of data.cases) {
        const o = reviewed.cases.find((x) => x.id === live.id);
        if (o) Object.assign(live, { state: o.result, message: o.message });
      }
      await store.putRun({ ...run, verdict: reviewed.verdict, updated: new Date(), data });
      axis.core.runEvents.emit('run', run.runId);
      return c.redirect(`${base}/runs/${run.runId}/cases/${c.req.param('case')}`, 303);
    } catch (e) {
      if (!(e instanceof ReviewError)) throw e;
      return c.html(page(ctx.lang, base, `${c.req.param('case')} · ${run.runId}`, casePage(ctx, run, c.req.param('case'), ctx.lang === 'en' ? e.en : e.vi)!), 400);
    }
  });

  app.post('/runs/:id/rerun', async (c) => {
    const tenant = tenantOfConsole(c);
    const run = await visibleRun(store, c.req.param('id'), tenant);
    const request = run && started.get(run.runId);
    if (!run || !request) return c.notFound();
    const only = caseRows(run)
      .filter((x) => x.state === 'fail' || x.state === 'error')
      .map((x) => x.id);
    if (!only.length) return c.redirect(`${base}/runs/${run.runId}`, 303);
    return c.redirect(`${base}/runs/${await start({ ...request, only, rerunOf: run.runId }, tenant)}`, 303);
  });

  // The run's reports, rendered from the stored record (with its review trail) and journal.
  const withRecord = (render: (record: RunRecord) => Response | Promise<Response>) => async (c: Context<ConsoleEnv>) => {
    const run = await visibleRun(store, c.req.param('id') ?? '', tenantOfConsole(c));
    const record = run && (await fullRecord(store, run));
    if (!record) return c.notFound();
    return render(record);
  };
  app.get(
    '/runs/:id/report.html',
    withRecord((record) => new Response(renderReportHtml(record), { headers: { 'content-type': 'text/html; charset=utf-8' } })),
  );
  app.get('/runs/:id/report.json', withRecord((record) => Response.json(buildReport(record))));
  app.get('/runs/:id/junit.xml', withRecord((record) => new Response(renderJunit(record), { headers: { 'content-type': 'application/xml; charset=utf-8' } })));
  app.get(
    '/runs/:id/run.zip',
    withRecord(async (record) => {
      const dir = await mkdtemp(join(tmpdir(), 'truc-console-run-'));
      try {
        const out = await writeRunOutputs(join(dir, record.runId), record, { certifier: options.certifier() });
        const files: Record<string, Uint8Array> = {};
        for (const name of out.files) files[`${record.runId}/${name}`] = await readFile(join(out.dir, name));
        return new Response(zipSync(files), {
          headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${record.runId}.zip"` },
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }),
  );

  app.get('/compare', async (c) => {
    const ctx = ctxOf(c);
    const tenant = tenantOfConsole(c);
    const runs = (await store.listRuns({ tenant, limit: 200 })).filter((r) => r.status === 'finished');
    let b = c.req.query('b') ? await visibleRun(store, c.req.query('b')!, tenant) : undefined;
    let a = c.req.query('a') ? await visibleRun(store, c.req.query('a')!, tenant) : undefined;
    // From a run page: compare with the previous finished run of the same system.
    if (b && !a) a = runs.find((r) => r.sutCode === b!.sutCode && r.started < b!.started);
    if (a && b && a.started > b.started) [a, b] = [b, a];
    return c.html(page(ctx.lang, base, tr(ctx.lang, 'So sánh hai lượt', 'Compare two runs'), comparePage(ctx, runs, a, b), { active: 'compare' }));
  });

  app.get('/journal', async (c) => {
    const ctx = ctxOf(c);
    const agency = c.req.query('agency') || undefined;
    const document = c.req.query('document') || undefined;
    const entries = (await store.queryJournal({ agency, tenant: tenantOfConsole(c) }))
      .filter((e) => document === undefined || e.documentId === document)
      .slice(-300)
      .reverse();
    return c.html(page(ctx.lang, base, tr(ctx.lang, 'Nhật ký trục', 'Axis journal'), journalListPage(ctx, entries, { agency, document }), { active: 'journal' }));
  });

  const entryOf = async (c: Context<ConsoleEnv>) => {
    const id = Number(c.req.param('id') ?? '');
    const e = Number.isInteger(id) ? await store.getJournalEntry(id) : undefined;
    const tenant = tenantOfConsole(c);
    return e && (tenant === undefined || e.tenant === tenant) ? e : undefined;
  };
  // The whole packet when the axis stored it (sendEdoc), else the journal's excerpt.
  const bodyOf = async (e: NonNullable<Awaited<ReturnType<typeof entryOf>>>) => (e.senderId ? (await store.getPacket(e.senderId))?.bytes : undefined) ?? e.bodyExcerpt;

  app.get('/journal/entries/:id', async (c) => {
    const ctx = ctxOf(c);
    const e = await entryOf(c);
    if (!e) return c.notFound();
    const trust = axis.core.trust;
    const anchors = trust ? await trust.trustAnchors() : [];
    const crl = trust ? await trust.crl() : undefined;
    const body = await entryPage(ctx, e, await bodyOf(e), { trustAnchors: anchors, crls: crl ? [new TextEncoder().encode(crl)] : [] });
    return c.html(page(ctx.lang, base, `#${e.id} · ${e.operation}`, body, { active: 'journal' }));
  });
  app.get('/journal/entries/:id/raw', async (c) => {
    const e = await entryOf(c);
    const body = e && (await bodyOf(e));
    if (!body) return c.notFound();
    return c.body(Buffer.from(body), 200, { 'content-type': 'text/plain; charset=utf-8' });
  });
  app.get('/journal/entries/:id/attachments/:n', async (c) => {
    const e = await entryOf(c);
    const body = e && (await bodyOf(e));
    const packet = body && parsePacket(body).packet;
    const attachment = packet?.kind === 'edoc' ? packet.attachments[Number(c.req.param('n'))] : undefined;
    const bytes = attachment && decodeBase64(attachment.encoded).bytes;
    if (!bytes) return c.notFound();
    const name = (attachment.attachmentName ?? `attachment-${c.req.param('n')}`).replace(/[^\p{L}\p{N}._-]/gu, '_');
    return c.body(Buffer.from(bytes), 200, {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
  });

  app.get('/trust.pem', async (c) => {
    const pems = axis.core.trust ? await axis.core.trust.trustAnchors() : [];
    if (!pems.length) return c.notFound();
    return c.body(pems.map((p) => p.trim()).join('\n') + '\n', 200, { 'content-type': 'application/x-pem-file', 'content-disposition': 'attachment; filename="trust.pem"' });
  });
  app.get('/crl.pem', async (c) => {
    const crl = axis.core.trust ? await axis.core.trust.crl() : undefined;
    if (!crl) return c.notFound();
    return c.body(crl, 200, { 'content-type': 'application/x-pem-file', 'content-disposition': 'attachment; filename="crl.pem"' });
  });

  app.get('/rollout', async (c) => {
    const ctx = ctxOf(c);
    const { lang } = ctx;
    const f = await loadRollout(store, tenantOfConsole(c));
    const figure = (id: string, n: number, vi: string, en: string) =>
      html`<div class="figure" id="${id}"><b>${n}/${f.population}</b>${tr(lang, vi, en)}</div>`;
    const chart = {
      population: f.population,
      labels: f.days.map((d) => d.date),
      series: [
        { label: tr(lang, 'Đã kết nối', 'Connected'), values: f.days.map((d) => d.connected) },
        { label: tr(lang, 'Đang gửi', 'Sending'), values: f.days.map((d) => d.sending) },
        { label: tr(lang, 'Phản hồi trạng thái', 'Answering status'), values: f.days.map((d) => d.answering) },
        { label: tr(lang, 'Đạt chứng nhận', 'Certified'), values: f.days.map((d) => d.certified) },
      ],
    };
    const body = html`<div class="figures">
${figure('connected', f.connected, 'hệ thống đã kết nối (đã gọi trục)', 'systems connected (have called the axis)')}
${figure('sending', f.sending, 'đang gửi văn bản', 'sending documents')}
${figure('answering', f.answering, 'phản hồi trạng thái', 'answering with status')}
${figure('certified', f.certified, 'đạt (lượt gần nhất phù hợp)', 'certified (latest run conformant)')}
</div>
<p><a href="${base}/rollout.csv">CSV</a></p>
<div class="chart"><canvas id="rollout-chart"></canvas></div>
<script type="application/json" id="rollout-data">${raw(JSON.stringify(chart).replace(/</g, '\\u003c'))}</script>
<script src="${base}/assets/chart.js"></script>
<h2>${tr(lang, 'Từng hệ thống', 'Each system')}</h2>
<table id="rollout-table"><tr><th>systemid</th><th>${tr(lang, 'Kết nối', 'Connected')}</th><th>${tr(lang, 'Gửi', 'Sending')}</th><th>${tr(lang, 'Trạng thái', 'Status')}</th><th>${tr(
      lang,
      'Lượt gần nhất',
      'Latest run',
    )}</th></tr>
${f.agencies.map(
  (a) =>
    html`<tr><td>${a.systemId}</td><td>${a.connected ? '✓' : ''}</td><td>${a.sending ? '✓' : ''}</td><td>${a.answering ? '✓' : ''}</td><td>${a.latestVerdict ? badge(lang, a.latestVerdict) : ''}</td></tr>`,
)}</table>`;
    return c.html(page(lang, base, tr(lang, 'Tình hình triển khai', 'Rollout'), body, { script: 'rollout.js', active: 'rollout' }));
  });
  app.get('/rollout.csv', async (c) => {
    const f = await loadRollout(store, tenantOfConsole(c));
    return c.body(rolloutCsv(f), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="rollout.csv"' });
  });

  app.get('/coverage', async (c) => {
    const ctx = ctxOf(c);
    const tenant = tenantOfConsole(c);
    const runs = (await store.listRuns({ tenant, limit: 200 })).filter((r) => r.status === 'finished');
    const run = c.req.query('run') ? await visibleRun(store, c.req.query('run')!, tenant) : runs[0];
    return c.html(page(ctx.lang, base, tr(ctx.lang, 'Bao phủ yêu cầu', 'Requirements coverage'), coveragePage(ctx, runs, run), { active: 'coverage' }));
  });
  app.get('/coverage.csv', async (c) => {
    const run = c.req.query('run') ? await visibleRun(store, c.req.query('run')!, tenantOfConsole(c)) : undefined;
    return c.body(coverageCsv(run), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="coverage.csv"' });
  });

  app.notFound((c) => c.html(page(c.get('lang') ?? 'vi', base, '404', html`<p>${loc(c.get('lang') ?? 'vi', { vi: 'Không có trang này.', en: 'No such page.' })}</p>`), 404));
  return app;
}

/** The sandbox's HTTP app: the console under /console, everything else to the axis. */
export function withConsole(options: ConsoleOptions): { fetch(request: Request): Response | Promise<Response> } {
  const consoleRoutes = consoleApp(options);
  const outer = new Hono();
  outer.all(`${CONSOLE_BASE}`, (c) => consoleRoutes.fetch(c.req.raw));
  outer.all(`${CONSOLE_BASE}/*`, (c) => consoleRoutes.fetch(c.req.raw));
  outer.all('*', (c) => options.axis.app.fetch(c.req.raw));
  return outer;
}

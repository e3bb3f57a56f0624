// The console in a real browser: Debian's chromium driven by playwright-core (never a downloaded
// browser). A live demo run watched to its end, a justified override, two runs compared, a re-run
// of the failed cases, and the rollout figures of a scripted sandbox. Screenshots go to
// TRUC_SCREENSHOTS (when set) for a person to look at.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifierFromTestPki } from '../conformance/report/certifier.ts';
import { trustProviderOf } from '../conformance/embedded-simulator.ts';
import { createAxis, type Axis } from '../simulator/axis.ts';
import { AxisClient } from '../simulator/client/client.ts';
import { seedDirectory } from '../simulator/directory/seed.ts';
import { openPkiFolder, type PkiFolder } from '../simulator/pki-folder.ts';
import { startServer, type RunningServer } from '../simulator/server.ts';
import { sampleEdoc, statusBytes } from '../simulator/testing/fixtures.ts';
import { buildPacket } from '../edxml/build.ts';
import { withConsole } from './app.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = process.env.TRUC_SCREENSHOTS;

interface Sandbox {
  axis: Axis;
  server: RunningServer;
}

async function sandbox(pki: PkiFolder, systems: { systemId: string; secret: string }[]): Promise<Sandbox> {
  const axis = await createAxis({ controlToken: 'console-token', systems, directory: await seedDirectory(), trust: trustProviderOf(pki) });
  let server: RunningServer;
  const app = withConsole({ axis, axisUrl: () => server.origin, certifier: () => certifierFromTestPki(pki.pki), pki });
  server = await startServer(app, { host: '127.0.0.1', port: 0 });
  return { axis, server };
}

describe.skipIf(!existsSync(CHROMIUM))('web console in chromium (Debian package chromium)', () => {
  let work: string;
  let pki: PkiFolder;
  let browser: Browser;
  let page: Page;
  let demo: Sandbox;
  const offMachine: string[] = [];
  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `console-${name}.png`), fullPage: true });
  };
  const waitDone = () => page.locator('#live [data-done]').waitFor({ timeout: 170_000 });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'truc-console-'));
    if (SHOTS) await mkdir(SHOTS, { recursive: true });
    pki = await openPkiFolder(join(work, 'pki'), { create: true });
    demo = await sandbox(pki, [
      { systemId: '000.00.00.H41', secret: 'demo-nghean-h41' },
      { systemId: '000.00.00.H53', secret: 'demo-tayninh-h53' },
    ]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Nothing may come from the network: every request stays on this machine's sandboxes.
    page.on('request', (r) => {
      if (!r.url().startsWith('http://127.0.0.1:') && !r.url().startsWith('data:')) offMachine.push(r.url());
    });
  }, 60_000);

  afterAll(async () => {
    expect(offMachine).toEqual([]);
    await browser?.close();
    await demo?.server.close();
    await demo?.axis.close();
    await rm(work, { recursive: true, force: true });
  });

  let first: string;
  let second: string;

  it('signs in with ?token= once (then a cookie), in Vietnamese with an English switch', async () => {
    const refused = await page.goto(`${demo.server.origin}/console/`);
    expect(refused?.status()).toBe(401);
    await page.goto(`${demo.server.origin}/console/?token=console-token`);
    expect(page.url()).toBe(`${demo.server.origin}/console/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Các lượt kiểm thử');
    await page.click('a.lang');
    await expect(page.locator('h1').textContent()).resolves.toBe('Runs');
    await page.click('a.lang');
    await expect(page.locator('h1').textContent()).resolves.toBe('Các lượt kiểm thử');
  });

  it('starts a demo run and follows it live to the end', async () => {
    await page.selectOption('select[name=systemId]', '000.00.00.H41');
    await page.selectOption('select[name=profile]', 'business');
    await page.click('form[action="/console/runs"] button');
    await page.waitForURL(/\/console\/runs\/r-/);
    first = page.url().split('/').pop()!;
    // The configuration stays on screen: axis URL, systemid, secret, trust and CRL downloads.
    const config = await page.locator('#config').textContent();
    expect(config).toContain(demo.server.origin);
    expect(config).toContain('000.00.00.H41');
    expect(config).toContain('demo-nghean-h41');
    expect(await page.locator('#config a[href$="trust.pem"]').count()).toBe(1);
    expect(await page.locator('#config a[href$="crl.pem"]').count()).toBe(1);
    await page.locator('#cases tr[data-case]').first().waitFor();
    await shot('live-running');
    await waitDone();
    await shot('live-finished');
    const states = await page.locator('#cases tr[data-case] .badge').allTextContents();
    expect(states).toHaveLength(6);
    expect(states.every((s) => s === 'Đạt')).toBe(true);
    expect(await page.locator('#live .verdict').textContent()).toContain('Phù hợp');
  }, 200_000);

  it('overrides a case only with a written justification, and the trail reaches the report', async () => {
    await page.click('#cases a[href$="/cases/B-01"]');
    await page.selectOption('select[name=to]', 'fail');
    await page.fill('input[name=reviewer]', 'Nguyễn Thị Kiểm');
    await page.click('form[action$="/override"] button');
    expect(await page.locator('#review-error').textContent()).toContain('lý do');
    await shot('override-refused');
    await page.selectOption('select[name=to]', 'fail');
    await page.fill('input[name=reviewer]', 'Nguyễn Thị Kiểm');
    await page.fill('textarea[name=justification]', 'Hồ sơ của đơn vị cho thấy văn bản bị nhận hai lần (biên bản số 12).');
    await page.click('form[action$="/override"] button');
    await page.waitForSelector('text=Lịch sử xem xét');
    await shot('override-recorded');
    expect(await page.locator('main').textContent()).toContain('biên bản số 12');
    const report = await (await page.request.get(`${demo.server.origin}/console/runs/${first}/report.html`)).text();
    expect(report).toContain('biên bản số 12');
    expect(report).toContain('Nguyễn Thị Kiểm');
    const json = await (await page.request.get(`${demo.server.origin}/console/runs/${first}/report.json`)).json();
    expect(json.verdict).toBe('not-conformant');
    expect(json.overrides).toEqual([expect.objectContaining({ caseId: 'B-01', from: 'pass', to: 'fail', reviewer: 'Nguyễn Thị Kiểm' })]);
  });

  it('compares two runs of one system and re-runs the failed cases', async () => {
    await page.goto(`${demo.server.origin}/console/`);
    await page.selectOption('select[name=systemId]', '000.00.00.H41');
    await page.selectOption('select[name=profile]', 'business');
    await page.click('form[action="/console/runs"] button');
    await page.waitForURL(/\/console\/runs\/r-/);
    second = page.url().split('/').pop()!;
    await waitDone();
    await page.goto(`${demo.server.origin}/console/compare?a=${first}&b=${second}`);
    expect(await page.locator('#changed-count').textContent()).toBe('1');
    expect(await page.locator('#changed tr[data-case]').getAttribute('data-case')).toBe('B-01');
    await shot('compare');
    await page.goto(`${demo.server.origin}/console/runs/${first}`);
    await page.click('form[action$="/rerun"] button');
    await page.waitForURL((url) => !url.pathname.endsWith(first));
    await waitDone();
    expect(await page.locator('#cases tr[data-case]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case')))).toEqual(['B-01']);
    await page.goto(`${demo.server.origin}/console/`);
    expect(await page.locator('#runs').textContent()).toContain(`chạy lại ${first}`);
    await shot('runs');
  }, 400_000);

  it('shows rollout figures that match a scripted sandbox, with a chart and CSV', async () => {
    const systems = ['000.00.00.G01', '000.00.00.G02', '000.00.00.G03', '000.00.00.G04'].map((systemId) => ({ systemId, secret: `s-${systemId}` }));
    const scripted = await sandbox(pki, systems);
    try {
      const client = (i: number) => new AxisClient({ baseUrl: scripted.server.origin, systemId: systems[i].systemId, secret: systems[i].secret });
      // G01 only polls; G02 sends a document to G03; G03 fetches it and answers 01; G04 never calls.
      expect((await client(0).countReceiveEdoc()).status).toBe('OK');
      const doc = sampleEdoc({ from: { organId: systems[1].systemId, organName: 'G02' }, to: [{ organId: systems[2].systemId, organName: 'G03' }] });
      expect((await client(1).sendEdoc(buildPacket(doc))).status).toBe('OK');
      const inbox = await client(2).getReceivedEdocList();
      expect((await client(2).getEdoc(inbox.data[0].docId)).status).toBe('OK');
      expect((await client(2).sendEdoc(statusBytes(doc, systems[2].systemId, '01'), { messagetype: 'status' })).status).toBe('OK');
      // A wrong secret is not a connection.
      expect((await new AxisClient({ baseUrl: scripted.server.origin, systemId: systems[3].systemId, secret: 'wrong' }).countReceiveEdoc()).status).toBe('FAIL');
      await scripted.axis.core.store.putRun({
        runId: 'r-g03',
        sutCode: systems[2].systemId,
        profile: 'core',
        status: 'finished',
        verdict: 'conformant',
        started: new Date(),
        updated: new Date(),
        data: { cases: [] },
      });
      await page.goto(`${scripted.server.origin}/console/rollout?token=console-token`);
      await page.waitForFunction(() => (window as unknown as { Chart?: unknown }).Chart !== undefined);
      const figure = async (id: string) => (await page.locator(`#${id} b`).textContent())!.trim();
      expect([await figure('connected'), await figure('sending'), await figure('answering'), await figure('certified')]).toEqual(['3/4', '1/4', '1/4', '1/4']);
      expect(await page.locator('#rollout-chart').evaluate((c: HTMLCanvasElement) => c.width > 0)).toBe(true);
      await shot('rollout');
      const csv = await (await page.request.get(`${scripted.server.origin}/console/rollout.csv`)).text();
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toBe('systemId,connected,sending,answering,certified,latestVerdict');
      expect(lines.find((l) => l.startsWith('000.00.00.G03'))).toMatch(/^000\.00\.00\.G03,[^,]+,,[^,]+,[^,]+,conformant$/);
      expect(lines.find((l) => l.startsWith('000.00.00.G04'))).toBe('000.00.00.G04,,,,,');
    } finally {
      await scripted.server.close();
      await scripted.axis.close();
    }
  }, 60_000);

  it('shows requirements coverage and a journal entry with its findings and raw XML', async () => {
    await page.goto(`${demo.server.origin}/console/coverage?run=${second}`);
    expect(await page.locator('#coverage').textContent()).toContain('QCVN 102:2016/BTTTT');
    await shot('coverage');
    const csv = await (await page.request.get(`${demo.server.origin}/console/coverage.csv?run=${second}`)).text();
    expect(csv.split('\r\n')[0]).toBe('source,article,case,level,result');
    expect(csv).toMatch(/,B-01,R,pass\r\n/);
    await page.goto(`${demo.server.origin}/console/journal?agency=000.00.00.H41`);
    const sendRow = page.locator('#journal tr', { hasText: 'sendEdoc' }).first();
    await sendRow.locator('a').first().click();
    await page.waitForSelector('#findings');
    await shot('journal-entry');
    const raw = page.locator('a[href$="/raw"]');
    expect(await raw.count()).toBe(1);
    const xml = await (await page.request.get(new URL((await raw.getAttribute('href'))!, demo.server.origin).toString())).text();
    expect(xml).toContain('edXMLEnvelope');
  });
});

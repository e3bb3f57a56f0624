// The control API: truc's own, under its own prefix, authorised by the operator's control token or
// a tenant's token (principal.ts) — never by an agency's credentials. Every route scopes what a
// tenant sees and changes to its own systems; control-api-access.test.ts holds the table.
import { Hono } from 'hono';
import type { AxisCore } from '../core.ts';
import { directoryRoutes } from './directory.ts';
import { controlError, isObject, jsonBody } from './errors.ts';
import { faultsRoutes } from './faults.ts';
import { injectRoutes } from './inject.ts';
import { journalRoutes } from './journal.ts';
import { deliveriesRoutes, packetsRoutes } from './packets.ts';
import { type ControlEnv, principalLayer, tenantOf } from './principal.ts';
import { runsRoutes } from './runs.ts';
import { systemsRoutes } from './systems.ts';
import { tenantsRoutes } from './tenants.ts';
import { trustRoutes } from './trust.ts';
import { unstorableLayer } from './unstorable.ts';

/** Run labels are journal data: bounded like any stored text. */
const MAX_RUN_LABEL = 200;

export function controlApp(core: AxisCore, token: string): Hono<ControlEnv> {
  const app = new Hono<ControlEnv>();
  app.use('*', principalLayer(core.store, token));
  app.use('*', unstorableLayer);
  app.route('/tenants', tenantsRoutes(core));
  app.get('/whoami', (c) => c.json(c.get('principal')));
  app.route('/systems', systemsRoutes(core));
  app.route('/directory', directoryRoutes(core));
  app.route('/inject', injectRoutes(core));
  app.route('/packets', packetsRoutes(core));
  app.route('/deliveries', deliveriesRoutes(core));
  app.route('/journal', journalRoutes(core));
  app.route('/faults', faultsRoutes(core));
  app.route('/runs', runsRoutes(core));
  app.route('/', trustRoutes(core.trust));
  app.get('/run', (c) => {
    const tenant = tenantOf(c);
    return c.json({ run: (tenant === undefined ? core.run : core.tenantRuns.get(tenant)) ?? null });
  });
  app.put('/run', async (c) => {
    const body = await jsonBody(c);
    if (!isObject(body) || !(body.run === null || (typeof body.run === 'string' && body.run.length <= MAX_RUN_LABEL))) {
      return controlError(c, 400, 'CTL-RUN-INVALID', `Cần run (chuỗi tối đa ${MAX_RUN_LABEL} ký tự, hoặc null).`, `Expected run (a string of at most ${MAX_RUN_LABEL} characters, or null).`);
    }
    const run = (body.run as string | null) ?? undefined;
    const tenant = tenantOf(c);
    if (tenant === undefined) core.run = run;
    else if (run === undefined) core.tenantRuns.delete(tenant);
    else core.tenantRuns.set(tenant, run);
    return c.json({ run: run ?? null });
  });
  app.notFound((c) => controlError(c, 404, 'CTL-NOT-FOUND', 'Không có đường dẫn này trong API điều khiển.', 'No such control API path.'));
  app.onError((e, c) => {
    // The operator reads the cause on stderr; the client never sees database text.
    process.stderr.write(`truc: [CTL-INTERNAL] Lỗi khi xử lý ${new URL(c.req.url).pathname} / Failure while handling it: ${e.message}\n`);
    return c.json({ error: { code: 'CTL-INTERNAL', vi: 'Lỗi hệ thống của truc; chi tiết ở nhật ký máy chủ.', en: 'Internal error of truc; the server log has the details.' } }, 503);
  });
  return app;
}

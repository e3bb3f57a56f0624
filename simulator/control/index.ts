// The control API: truc's own, under its own prefix, authorised by the operator's control token or
// a tenant's token (principal.ts) — never by an agency's credentials. Every route scopes what a
// tenant sees and changes to its own systems; control-api-access.test.ts holds the table.
import { Hono } from 'hono';
import type { AxisCore } from '../core.ts';
import { directoryRoutes } from './directory.ts';
import { controlError } from './errors.ts';
import { faultsRoutes } from './faults.ts';
import { injectRoutes } from './inject.ts';
import { journalRoutes } from './journal.ts';
import { deliveriesRoutes, packetsRoutes } from './packets.ts';
import { type ControlEnv, principalLayer, tenantOf } from './principal.ts';
import { runsRoutes } from './runs.ts';
import { reservationsRoutes } from './reservations.ts';
import { systemsRoutes } from './systems.ts';
import { tenantsRoutes } from './tenants.ts';
import { trustRoutes } from './trust.ts';
import { unstorableLayer } from './unstorable.ts';

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
  app.route('/reservations', reservationsRoutes(core));
  app.notFound((c) => controlError(c, 404, 'CTL-NOT-FOUND', 'Không có đường dẫn này trong API điều khiển.', 'No such control API path.'));
  app.onError((e, c) => {
    // The operator reads the cause on stderr; the client never sees database text.
    process.stderr.write(`truc: [CTL-INTERNAL] Lỗi khi xử lý ${new URL(c.req.url).pathname} / Failure while handling it: ${e.message}\n`);
    return c.json({ error: { code: 'CTL-INTERNAL', vi: 'Lỗi hệ thống của truc; chi tiết ở nhật ký máy chủ.', en: 'Internal error of truc; the server log has the details.' } }, 503);
  });
  return app;
}

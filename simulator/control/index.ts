// The control API (spec axis-api §7): truc's own, under its own prefix, authorised only by the
// control token — never by an agency's credentials.
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { AxisCore } from '../core.ts';
import { directoryRoutes } from './directory.ts';
import { controlError, isObject, jsonBody } from './errors.ts';
import { faultsRoutes } from './faults.ts';
import { injectRoutes } from './inject.ts';
import { journalRoutes } from './journal.ts';
import { deliveriesRoutes, packetsRoutes } from './packets.ts';
import { systemsRoutes } from './systems.ts';
import { trustRoutes } from './trust.ts';

const sameToken = (expected: string, given: string): boolean => {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

export function controlApp(core: AxisCore, token: string): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!sameToken(token, given)) {
      return controlError(c, 401, 'CTL-UNAUTHORIZED', 'Cần mã điều khiển (Authorization: Bearer …).', 'A control token is required (Authorization: Bearer …).');
    }
    await next();
  });
  app.route('/systems', systemsRoutes(core));
  app.route('/directory', directoryRoutes(core));
  app.route('/inject', injectRoutes(core));
  app.route('/packets', packetsRoutes(core));
  app.route('/deliveries', deliveriesRoutes(core));
  app.route('/journal', journalRoutes(core));
  app.route('/faults', faultsRoutes(core));
  app.route('/', trustRoutes(core.trust));
  app.get('/run', (c) => c.json({ run: core.run ?? null }));
  app.put('/run', async (c) => {
    const body = await jsonBody(c);
    if (!isObject(body) || !(body.run === null || typeof body.run === 'string')) {
      return controlError(c, 400, 'CTL-RUN-INVALID', 'Cần run (chuỗi hoặc null).', 'Expected run (string or null).');
    }
    core.run = (body.run as string | null) ?? undefined;
    return c.json({ run: core.run ?? null });
  });
  app.notFound((c) => controlError(c, 404, 'CTL-NOT-FOUND', 'Không có đường dẫn này trong API điều khiển.', 'No such control API path.'));
  app.onError((e, c) => c.json({ error: { code: 'CTL-INTERNAL', vi: 'Lỗi hệ thống của truc.', en: `Internal error: ${e.message}` } }, 503));
  return app;
}

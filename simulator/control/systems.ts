// Connected systems: provisioned by the control API as well as by configuration and the CLI.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { AxisCore } from '../core.ts';
import { controlError, isObject, jsonBody } from './errors.ts';

export const newSecret = (): string => randomBytes(18).toString('base64url');

export function systemsRoutes(core: AxisCore): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const systems = await core.store.listSystems();
    return c.json(systems.map((s) => ({ systemId: s.systemId, secret: s.secret, created: s.created.toISOString() })));
  });
  app.post('/', async (c) => {
    const body = await jsonBody(c);
    if (!isObject(body) || typeof body.systemId !== 'string' || body.systemId.trim() === '' || (body.secret !== undefined && typeof body.secret !== 'string')) {
      return controlError(c, 400, 'CTL-SYSTEM-INVALID', 'Cần systemId (chuỗi) và secret (chuỗi, không bắt buộc).', 'Expected systemId (string) and optional secret (string).');
    }
    const system = { systemId: body.systemId.trim(), secret: (body.secret as string | undefined) || newSecret(), created: core.clock() };
    await core.store.putSystem(system);
    return c.json({ systemId: system.systemId, secret: system.secret, created: system.created.toISOString() }, 201);
  });
  app.delete('/:systemId', async (c) => {
    if (await core.store.deleteSystem(c.req.param('systemId'))) return c.body(null, 204);
    return controlError(c, 404, 'CTL-SYSTEM-UNKNOWN', 'Không có hệ thống này.', 'No such system.');
  });
  return app;
}

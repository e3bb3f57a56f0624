// Connected systems: provisioned by the control API as well as by configuration and the CLI.
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AxisCore } from '../core.ts';
import type { SystemRecord } from '../store/types.ts';
import { controlError, isObject, jsonBody } from './errors.ts';
import { type ControlEnv, tenantOf } from './principal.ts';

export const newSecret = (): string => randomBytes(18).toString('base64url');

const unknownSystem = (c: Context) => controlError(c, 404, 'CTL-SYSTEM-UNKNOWN', 'Không có hệ thống này.', 'No such system.');

export function systemsRoutes(core: AxisCore): Hono<ControlEnv> {
  const app = new Hono<ControlEnv>();
  app.get('/', async (c) => {
    const tenant = tenantOf(c);
    const systems = (await core.store.listSystems()).filter((s) => tenant === undefined || s.tenant === tenant);
    return c.json(systems.map((s) => ({ systemId: s.systemId, secret: s.secret, created: s.created.toISOString() })));
  });
  app.post('/', async (c) => {
    const body = await jsonBody(c);
    if (!isObject(body) || typeof body.systemId !== 'string' || body.systemId.trim() === '' || (body.secret !== undefined && typeof body.secret !== 'string')) {
      return controlError(c, 400, 'CTL-SYSTEM-INVALID', 'Cần systemId (chuỗi) và secret (chuỗi, không bắt buộc).', 'Expected systemId (string) and optional secret (string).');
    }
    const systemId = body.systemId.trim();
    const tenant = tenantOf(c);
    const existing = await core.store.getSystem(systemId);
    // A tenant registers new systems or re-keys its own; another owner's systemid stays theirs.
    if (tenant !== undefined && existing && existing.tenant !== tenant) {
      return controlError(c, 409, 'CTL-SYSTEM-TAKEN', 'Mã hệ thống này đã thuộc bên khác.', 'This systemid belongs to someone else.');
    }
    const system: SystemRecord = { systemId, secret: (body.secret as string | undefined) || newSecret(), created: core.clock() };
    const owner = tenant ?? existing?.tenant;
    if (owner !== undefined) system.tenant = owner;
    await core.store.putSystem(system);
    return c.json({ systemId: system.systemId, secret: system.secret, created: system.created.toISOString() }, 201);
  });
  app.delete('/:systemId', async (c) => {
    const tenant = tenantOf(c);
    const systemId = c.req.param('systemId');
    if (tenant !== undefined && (await core.store.getSystem(systemId))?.tenant !== tenant) return unknownSystem(c);
    if (await core.store.deleteSystem(systemId)) return c.body(null, 204);
    return unknownSystem(c);
  });
  return app;
}

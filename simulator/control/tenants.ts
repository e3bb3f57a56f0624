// Tenants of a shared sandbox, created by the operator: each gets one control token, shown once.
import { Hono } from 'hono';
import type { AxisCore } from '../core.ts';
import type { TenantRecord } from '../store/types.ts';
import { controlError, isObject, jsonBody } from './errors.ts';
import { type ControlEnv, newTenantToken, operatorOnly, TENANT_ID, tokenDigest } from './principal.ts';

const tenantJson = ({ tokenSha256: _digest, created, ...rest }: TenantRecord) => ({ ...rest, created: created.toISOString() });

export function tenantsRoutes(core: AxisCore): Hono<ControlEnv> {
  const app = new Hono<ControlEnv>();
  app.use('*', operatorOnly);
  app.get('/', async (c) => c.json((await core.store.listTenants()).map(tenantJson)));
  app.post('/', async (c) => {
    const body = await jsonBody(c);
    const valid =
      isObject(body) &&
      typeof body.id === 'string' &&
      TENANT_ID.test(body.id) &&
      typeof body.name === 'string' &&
      body.name.trim() !== '' &&
      (body.kind === undefined || typeof body.kind === 'string');
    if (!valid) {
      return controlError(c, 400, 'CTL-TENANT-INVALID', 'Cần id (chữ thường, số, gạch ngang; tối đa 40), name (chuỗi) và kind (chuỗi, không bắt buộc).', 'Expected id (lower-case letters, digits, dashes; up to 40), name (string) and optional kind (string).');
    }
    if (await core.store.getTenant(body.id as string)) {
      return controlError(c, 409, 'CTL-TENANT-EXISTS', 'Đã có bên thuê với id này.', 'A tenant with this id exists.');
    }
    const token = newTenantToken(body.id as string);
    const tenant: TenantRecord = { id: body.id as string, name: (body.name as string).trim(), tokenSha256: tokenDigest(token), created: core.clock() };
    if (typeof body.kind === 'string') tenant.kind = body.kind;
    await core.store.putTenant(tenant);
    return c.json({ ...tenantJson(tenant), token }, 201);
  });
  app.get('/:id', async (c) => {
    const tenant = await core.store.getTenant(c.req.param('id'));
    return tenant ? c.json(tenantJson(tenant)) : controlError(c, 404, 'CTL-TENANT-UNKNOWN', 'Không có bên thuê này.', 'No such tenant.');
  });
  app.post('/:id/token', async (c) => {
    const tenant = await core.store.getTenant(c.req.param('id'));
    if (!tenant) return controlError(c, 404, 'CTL-TENANT-UNKNOWN', 'Không có bên thuê này.', 'No such tenant.');
    const token = newTenantToken(tenant.id);
    await core.store.putTenant({ ...tenant, tokenSha256: tokenDigest(token) });
    return c.json({ ...tenantJson(tenant), token });
  });
  app.delete('/:id', async (c) =>
    (await core.store.deleteTenant(c.req.param('id'))) ? c.body(null, 204) : controlError(c, 404, 'CTL-TENANT-UNKNOWN', 'Không có bên thuê này.', 'No such tenant.'),
  );
  return app;
}

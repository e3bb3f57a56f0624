// Directory entries managed by the operator (seed additions, a case's counterpart agencies).
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AxisCore } from '../core.ts';
import { nextDirectoryVersion } from '../agencies.ts';
import { formatAxisTime } from '../protocol/time.ts';
import type { StoredAgency } from '../store/types.ts';
import { controlError, isObject, jsonBody } from './errors.ts';
import { type ControlEnv, forbidden, tenantOf } from './principal.ts';

const OPTIONAL = ['pid', 'pcode', 'code102', 'oldCode', 'mail', 'mobile', 'fax', 'registeredBy'] as const;

/** A tenant changes only records it created; the seeded directory and others' records are read-only to it. */
const tenantMayChange = (tenant: string | undefined, existing: StoredAgency | undefined): boolean =>
  tenant === undefined || existing === undefined || existing.tenant === tenant;

export function directoryRoutes(core: AxisCore): Hono<ControlEnv> {
  const app = new Hono<ControlEnv>();
  app.get('/', async (c) => c.json(await core.store.listAgencies({ includeDeleted: c.req.query('includeDeleted') === 'true' })));
  app.put('/:code', async (c) => {
    const code = c.req.param('code');
    const body = await jsonBody(c);
    const badOptional = isObject(body) && OPTIONAL.some((k) => body[k] !== undefined && typeof body[k] !== 'string');
    if (!isObject(body) || typeof body.name !== 'string' || body.name.trim() === '' || badOptional) {
      return controlError(c, 400, 'CTL-AGENCY-INVALID', 'Cần name (chuỗi); các trường khác phải là chuỗi.', 'Expected name (string); other fields must be strings.');
    }
    const existing = await core.store.findAgency(code);
    const tenant = tenantOf(c);
    if (!tenantMayChange(tenant, existing)) return forbidden(c, 'sửa đơn vị của bên khác', "change another owner's agency");
    if (tenant !== undefined && typeof body.registeredBy === 'string' && (await core.store.getSystem(body.registeredBy))?.tenant !== tenant) {
      return forbidden(c, 'ghi registeredBy là hệ thống của bên khác', "name another owner's system as registeredBy");
    }
    const record: StoredAgency = {
      id: existing?.id ?? randomUUID(),
      code: existing?.code ?? code,
      name: body.name,
      version: await nextDirectoryVersion(core.store),
      deleted: false,
      modifyDate: formatAxisTime(core.clock()),
    };
    for (const k of OPTIONAL) if (typeof body[k] === 'string') record[k] = body[k] as string;
    const owner = tenant ?? existing?.tenant;
    if (owner !== undefined) record.tenant = owner;
    // getAgenciesList reports the parent by id: derive it from the parent code when not given.
    if (record.pcode && !record.pid) record.pid = (await core.store.findAgency(record.pcode))?.id;
    await core.store.putAgency(record);
    return c.json(record);
  });
  app.delete('/:code', async (c) => {
    const existing = await core.store.findAgency(c.req.param('code'));
    if (existing && !tenantMayChange(tenantOf(c), existing)) return forbidden(c, 'xoá đơn vị của bên khác', "delete another owner's agency");
    if (!existing || existing.deleted) return controlError(c, 404, 'CTL-AGENCY-UNKNOWN', 'Không có đơn vị này.', 'No such agency.');
    await core.store.putAgency({ ...existing, deleted: true, version: await nextDirectoryVersion(core.store), modifyDate: formatAxisTime(core.clock()) });
    return c.body(null, 204);
  });
  return app;
}

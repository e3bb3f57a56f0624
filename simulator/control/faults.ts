import { Hono } from 'hono';
import type { AxisCore } from '../core.ts';
import { isFaultSpecError, parseFaultSpec } from '../faults.ts';
import { controlError, jsonBody } from './errors.ts';
import { type ControlEnv, forbidden, tenantOf } from './principal.ts';

/** Faults act on the whole axis: a tenant's must name callers, and only its own systems. */
async function ownsCallers(core: AxisCore, tenant: string, agencies: string[] | undefined): Promise<boolean> {
  if (!agencies?.length) return false;
  for (const id of agencies) if ((await core.store.getSystem(id))?.tenant !== tenant) return false;
  return true;
}

export function faultsRoutes(core: AxisCore): Hono<ControlEnv> {
  const app = new Hono<ControlEnv>();
  app.get('/', (c) => c.json(core.faults.list(tenantOf(c))));
  app.post('/', async (c) => {
    const spec = parseFaultSpec(await jsonBody(c));
    if (isFaultSpecError(spec)) {
      return controlError(c, 400, 'CTL-FAULT-INVALID', `Lỗi giả lập không hợp lệ: ${spec.field} ${spec.reason}.`, `Invalid fault: ${spec.field} ${spec.reason}.`);
    }
    const tenant = tenantOf(c);
    if (tenant !== undefined && !(await ownsCallers(core, tenant, spec.agencies))) {
      return forbidden(c, 'đặt lỗi giả lập không giới hạn ở hệ thống của mình (agencies)', 'set a fault that is not limited to its own systems (agencies)');
    }
    return c.json(core.faults.add(spec, tenant), 201);
  });
  app.delete('/', (c) => {
    core.faults.clear(tenantOf(c));
    return c.body(null, 204);
  });
  app.delete('/:id', (c) =>
    core.faults.remove(c.req.param('id'), tenantOf(c)) ? c.body(null, 204) : controlError(c, 404, 'CTL-FAULT-UNKNOWN', 'Không có lỗi giả lập này.', 'No such fault.'),
  );
  return app;
}

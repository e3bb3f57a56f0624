import { Hono } from 'hono';
import type { AxisCore } from '../core.ts';
import { isFaultSpecError, parseFaultSpec } from '../faults.ts';
import { controlError, jsonBody } from './errors.ts';

export function faultsRoutes(core: AxisCore): Hono {
  const app = new Hono();
  app.get('/', (c) => c.json(core.faults.list()));
  app.post('/', async (c) => {
    const spec = parseFaultSpec(await jsonBody(c));
    if (isFaultSpecError(spec)) {
      return controlError(c, 400, 'CTL-FAULT-INVALID', `Lỗi giả lập không hợp lệ: ${spec.field} ${spec.reason}.`, `Invalid fault: ${spec.field} ${spec.reason}.`);
    }
    return c.json(core.faults.add(spec), 201);
  });
  app.delete('/', (c) => {
    core.faults.clear();
    return c.body(null, 204);
  });
  app.delete('/:id', (c) =>
    core.faults.remove(c.req.param('id')) ? c.body(null, 204) : controlError(c, 404, 'CTL-FAULT-UNKNOWN', 'Không có lỗi giả lập này.', 'No such fault.'),
  );
  return app;
}

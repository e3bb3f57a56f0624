// Conformance runs recorded in this sandbox: `truc certify --axis … --control-url …` reports its
// progress and its result here, so the sandbox's console shows remote runs live and afterwards.
// A tenant records and reads only its own runs.
import { Hono } from 'hono';
import type { AxisCore } from '../core.ts';
import type { StoredRunStatus } from '../store/types.ts';
import { controlError, isObject, jsonBody } from './errors.ts';
import { type ControlEnv, tenantOf } from './principal.ts';

const RUN_ID = /^[A-Za-z0-9._-]{1,80}$/;
const STATUSES: readonly StoredRunStatus[] = ['running', 'finished', 'aborted'];

export function runsRoutes(core: AxisCore): Hono<ControlEnv> {
  const app = new Hono<ControlEnv>();
  app.get('/', async (c) => {
    const runs = await core.store.listRuns({ tenant: tenantOf(c), sutCode: c.req.query('sut') });
    return c.json(runs.map(({ data: _data, ...summary }) => summary));
  });
  app.get('/:id', async (c) => {
    const run = await core.store.getRun(c.req.param('id'));
    if (!run || (tenantOf(c) !== undefined && run.tenant !== tenantOf(c))) {
      return controlError(c, 404, 'CTL-RUN-NOT-FOUND', 'Không có lượt kiểm thử này.', 'No such run.');
    }
    return c.json(run);
  });
  app.put('/:id', async (c) => {
    const runId = c.req.param('id');
    const body = await jsonBody(c);
    const started = isObject(body) && typeof body.started === 'string' ? new Date(body.started) : undefined;
    if (
      !RUN_ID.test(runId) ||
      !isObject(body) ||
      typeof body.sutCode !== 'string' ||
      typeof body.profile !== 'string' ||
      !STATUSES.includes(body.status as StoredRunStatus) ||
      !(body.verdict === undefined || typeof body.verdict === 'string') ||
      !started ||
      Number.isNaN(started.getTime()) ||
      !('data' in body)
    ) {
      return controlError(
        c,
        400,
        'CTL-RUN-RECORD-INVALID',
        'Cần runId hợp lệ và sutCode, profile, status, started, data.',
        'Expected a valid run id and sutCode, profile, status, started, data.',
      );
    }
    const tenant = tenantOf(c);
    const existing = await core.store.getRun(runId);
    if (existing && existing.tenant !== tenant) {
      return controlError(c, 409, 'CTL-RUN-TAKEN', 'Mã lượt này đã thuộc về bên khác.', 'This run id belongs to someone else.');
    }
    await core.store.putRun({
      runId,
      tenant,
      sutCode: body.sutCode,
      profile: body.profile,
      status: body.status as StoredRunStatus,
      verdict: body.verdict as string | undefined,
      started,
      updated: core.clock(),
      data: body.data,
    });
    core.runEvents.emit('run', runId);
    return c.json({ runId });
  });
  return app;
}

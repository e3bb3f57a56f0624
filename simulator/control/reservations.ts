// Conformance runs (runs.ts): a run registers with its SUT and how many counterpart agencies and
// document numbers it needs, gets its reservation, says it is alive while it lasts and ends. A
// tenant runs only against its own systems. There is no axis-wide run label: each exchange gets
// the label of the run it belongs to.
import { Hono } from 'hono';
import type { AxisCore } from '../core.ts';
import type { StoredReservation } from '../store/types.ts';
import { controlError, isObject, jsonBody } from './errors.ts';
import { type ControlEnv, forbidden, tenantOf } from './principal.ts';

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
/** More than any profile needs (the whole catalogue plays a few dozen counterparts). */
const MAX_AGENCIES = 500;
const MAX_NUMBERS = 100_000;

const runJson = (run: StoredReservation) => ({
  runId: run.runId,
  sutCode: run.sutCode,
  agencyStart: run.agencyStart,
  agencyCount: run.agencyCount,
  numberStart: run.numberStart,
  numberCount: run.numberCount,
  started: run.started.toISOString(),
  alive: run.alive.toISOString(),
  ...(run.ended ? { ended: run.ended.toISOString() } : {}),
});

const count = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

export function reservationsRoutes(core: AxisCore): Hono<ControlEnv> {
  const app = new Hono<ControlEnv>();
  /** The run, when the caller may act on it (the operator: any; a tenant: runs on its systems). */
  const own = async (tenant: string | undefined, runId: string): Promise<StoredReservation | undefined> => {
    const run = await core.store.getReservation(runId);
    if (!run || tenant === undefined) return run;
    return (await core.store.getSystem(run.sutCode))?.tenant === tenant ? run : undefined;
  };
  const unknown = (c: Parameters<typeof controlError>[0]) => controlError(c, 404, 'CTL-RESERVATION-UNKNOWN', 'Không có lượt chạy này.', 'No such run.');

  app.get('/', async (c) => {
    const tenant = tenantOf(c);
    const runs = [];
    for (const run of await core.reservations.list()) if (await own(tenant, run.runId)) runs.push(runJson(run));
    return c.json(runs);
  });
  app.post('/', async (c) => {
    const body = await jsonBody(c);
    if (!isObject(body) || typeof body.runId !== 'string' || !RUN_ID.test(body.runId) || typeof body.sutCode !== 'string' || body.sutCode === '' || !count(body.agencies, MAX_AGENCIES) || !count(body.numbers, MAX_NUMBERS)) {
      return controlError(
        c,
        400,
        'CTL-RESERVATION-INVALID',
        `Cần runId (chữ, số, . _ -), sutCode, agencies (0…${MAX_AGENCIES}) và numbers (0…${MAX_NUMBERS}).`,
        `Expected runId (letters, digits, . _ -), sutCode, agencies (0…${MAX_AGENCIES}) and numbers (0…${MAX_NUMBERS}).`,
      );
    }
    const tenant = tenantOf(c);
    if (tenant !== undefined && (await core.store.getSystem(body.sutCode))?.tenant !== tenant) {
      return forbidden(c, 'chạy kiểm thử cho hệ thống không thuộc mình', 'run the suite against a system it does not own');
    }
    if (await core.store.getReservation(body.runId)) {
      return controlError(c, 409, 'CTL-RESERVATION-EXISTS', `Lượt chạy ${body.runId} đã có.`, `Run ${body.runId} already exists.`);
    }
    const result = await core.reservations.register({ runId: body.runId, sutCode: body.sutCode, agencies: body.agencies, numbers: body.numbers });
    if ('conflict' in result) {
      return c.json(
        {
          error: {
            code: 'CTL-RESERVATION-BUSY',
            vi: `Hệ thống ${body.sutCode} đang được kiểm thử trong lượt ${result.conflict.runId}; chờ lượt đó kết thúc.`,
            en: `System ${body.sutCode} is being certified by run ${result.conflict.runId}; wait for that run to end.`,
          },
          run: runJson(result.conflict),
        },
        409,
      );
    }
    return c.json(runJson(result), 201);
  });
  app.get('/:id', async (c) => {
    const run = await own(tenantOf(c), c.req.param('id'));
    return run ? c.json(runJson(run)) : unknown(c);
  });
  app.post('/:id/alive', async (c) => {
    const run = await own(tenantOf(c), c.req.param('id'));
    if (!run) return unknown(c);
    await core.reservations.alive(run.runId);
    return c.json(runJson((await core.store.getReservation(run.runId)) ?? run));
  });
  app.delete('/:id', async (c) => {
    const run = await own(tenantOf(c), c.req.param('id'));
    if (!run) return unknown(c);
    await core.reservations.end(run.runId);
    return c.json(runJson((await core.store.getReservation(run.runId)) ?? run));
  });
  return app;
}

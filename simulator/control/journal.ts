// The journal as evidence: queried by agency, operation, run and time, and followed live through
// server-sent events (one JSON entry per event) so the suite's waits are event-driven.
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AxisCore } from '../core.ts';
import { journalEntryToJson } from '../journal-json.ts';
import type { JournalEntry, JournalQuery } from '../store/types.ts';
import { controlError } from './errors.ts';
import { type ControlEnv, tenantOf } from './principal.ts';
import { QueryError, readQuery } from './query.ts';

function journalQuery(c: Context<ControlEnv>): JournalQuery | string {
  try {
    const q = readQuery(c);
    // A tenant's view is always its own entries, whatever else it filters on.
    return {
      agency: q.text('agency'),
      operation: q.text('operation'),
      run: q.text('run'),
      tenant: tenantOf(c),
      since: q.time('since'),
      until: q.time('until'),
      afterId: q.int('afterId'),
      limit: q.limit(),
    };
  } catch (e) {
    if (e instanceof QueryError) return e.parameter;
    throw e;
  }
}

const matches = (e: JournalEntry, q: JournalQuery): boolean =>
  (q.agency === undefined || e.caller === q.agency || e.agencies.includes(q.agency)) &&
  (q.operation === undefined || e.operation === q.operation) &&
  (q.run === undefined || e.run === q.run) &&
  (q.tenant === undefined || e.tenant === q.tenant) &&
  (q.since === undefined || e.time >= q.since) &&
  (q.until === undefined || e.time <= q.until);

const badFilter = (c: Context, key: string) =>
  controlError(c, 400, 'CTL-JOURNAL-FILTER', `Bộ lọc ${key} không hợp lệ.`, `Invalid ${key} filter.`);

export function journalRoutes(core: AxisCore): Hono<ControlEnv> {
  const app = new Hono<ControlEnv>();
  app.get('/', async (c) => {
    const query = journalQuery(c);
    if (typeof query === 'string') return badFilter(c, query);
    return c.json((await core.store.queryJournal(query)).map(journalEntryToJson));
  });
  app.get('/events', async (c) => {
    const query = journalQuery(c);
    if (typeof query === 'string') return badFilter(c, query);
    const lastEventId = c.req.header('last-event-id');
    const afterId = lastEventId && /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : query.afterId;
    return streamSSE(c, async (stream) => {
      // Subscribe before reading the backlog so nothing falls between the two; ids dedupe.
      const pending: JournalEntry[] = [];
      let wake: (() => void) | undefined;
      const listener = (entry: JournalEntry) => {
        if (!matches(entry, query)) return;
        pending.push(entry);
        wake?.();
      };
      core.events.on('entry', listener);
      let closed = false;
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      try {
        // Ids are not announced in order (concurrent commits, other replicas): remember each one
        // sent rather than only the highest, or a late lower id would be dropped.
        const sent = new Set<number>();
        const send = async (entry: JournalEntry) => {
          if (entry.id <= (afterId ?? 0) || sent.has(entry.id)) return;
          sent.add(entry.id);
          await stream.writeSSE({ id: String(entry.id), event: 'entry', data: JSON.stringify(journalEntryToJson(entry)) });
        };
        if (afterId !== undefined) for (const entry of await core.store.queryJournal({ ...query, afterId, limit: undefined })) await send(entry);
        while (!closed) {
          const entry = pending.shift();
          if (entry) await send(entry);
          else await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        core.events.off('entry', listener);
      }
    });
  });
  // Exchanges whose entry the store refused (the client got code 98): a run with any cannot end with a verdict.
  // A tenant learns only about its own runs; the operator also sees the total.
  app.get('/loss', (c) => {
    const run = c.req.query('run');
    const tenant = tenantOf(c);
    return c.json({ ...(tenant === undefined ? { total: core.journalLoss.total } : {}), ...(run === undefined ? {} : { run, lost: core.journalLoss.ofRun(run, tenant) }) });
  });
  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const entry = /^\d{1,15}$/.test(id) ? await core.store.getJournalEntry(Number(id)) : undefined;
    const tenant = tenantOf(c);
    if (!entry || (tenant !== undefined && entry.tenant !== tenant)) return controlError(c, 404, 'CTL-JOURNAL-UNKNOWN', 'Không có mục nhật ký này.', 'No such journal entry.');
    return c.json(journalEntryToJson(entry));
  });
  return app;
}

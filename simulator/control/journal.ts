// The journal as evidence: queried by agency, operation, run and time, and followed live through
// server-sent events (one JSON entry per event) so the suite's waits are event-driven.
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AxisCore } from '../core.ts';
import { journalEntryToJson } from '../journal-json.ts';
import type { JournalEntry, JournalQuery } from '../store/types.ts';
import { controlError } from './errors.ts';
import { type ControlEnv, tenantOf } from './principal.ts';

function readQuery(c: Context<ControlEnv>): JournalQuery | string {
  const q = c.req.query();
  // A tenant's view is always its own entries, whatever else it filters on.
  const query: JournalQuery = { agency: q.agency, operation: q.operation, run: q.run, tenant: tenantOf(c) };
  for (const key of ['since', 'until'] as const) {
    if (q[key] === undefined) continue;
    const t = Date.parse(q[key]);
    if (Number.isNaN(t)) return key;
    query[key] = new Date(t);
  }
  for (const key of ['afterId', 'limit'] as const) {
    if (q[key] === undefined) continue;
    if (!/^\d+$/.test(q[key])) return key;
    query[key] = Number(q[key]);
  }
  return query;
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
    const query = readQuery(c);
    if (typeof query === 'string') return badFilter(c, query);
    return c.json((await core.store.queryJournal(query)).map(journalEntryToJson));
  });
  app.get('/events', async (c) => {
    const query = readQuery(c);
    if (typeof query === 'string') return badFilter(c, query);
    const lastEventId = c.req.header('last-event-id');
    const afterId = lastEventId && /^\d+$/.test(lastEventId) ? Number(lastEventId) : query.afterId;
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
  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const entry = /^\d+$/.test(id) ? await core.store.getJournalEntry(Number(id)) : undefined;
    const tenant = tenantOf(c);
    if (!entry || (tenant !== undefined && entry.tenant !== tenant)) return controlError(c, 404, 'CTL-JOURNAL-UNKNOWN', 'Không có mục nhật ký này.', 'No such journal entry.');
    return c.json(journalEntryToJson(entry));
  });
  return app;
}

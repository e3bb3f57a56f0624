// Retention: old journal entries, packets, run records and run folders go, in batches; under a
// simulated week of traffic (time-compressed through the axis clock) what is kept, and the disk the
// PostgreSQL tables take, stop growing once the retention age is reached.
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAge, purgeOnce } from './retention.ts';
import { createMemoryStore } from './store/memory.ts';
import { openPostgresStore } from './store/sql/open.ts';
import { TEST_PG_URL, dropSchemas, randomSchema } from './store/sql/test-support.ts';
import { NGHE_AN, TAY_NINH, edocBytes, inProcessClient, testAxis } from './testing/fixtures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('retention', () => {
  const schemas: string[] = [];
  afterAll(() => dropSchemas(schemas));

  it('reads ages as a number and a unit', () => {
    expect(parseAge('7d')).toBe(7 * DAY);
    expect(parseAge('90s')).toBe(90_000);
    expect(parseAge('12h')).toBe(12 * HOUR);
    expect(parseAge('0d')).toBeUndefined();
    expect(parseAge('1w')).toBeUndefined();
    expect(parseAge('')).toBeUndefined();
  });

  it('removes only run folders older than the age, and only folders truc wrote a run into', async () => {
    const runs = await mkdtemp(join(tmpdir(), 'truc-runs-'));
    try {
      const old = new Date(Date.now() - 3 * DAY);
      for (const [name, file] of [['old-run', 'report.json'], ['old-other', 'notes.txt'], ['new-run', 'journal.jsonl']] as const) {
        await mkdir(join(runs, name));
        await writeFile(join(runs, name, file), '{}');
        if (name.startsWith('old')) {
          await utimes(join(runs, name, file), old, old);
          await utimes(join(runs, name), old, old);
        }
      }
      const totals = await purgeOnce(createMemoryStore(), { maxAgeMs: DAY, runsDir: runs });
      expect(totals.runFolders).toBe(1);
      expect((await readdir(runs)).sort()).toEqual(['new-run', 'old-other']);
    } finally {
      await rm(runs, { recursive: true, force: true });
    }
  });

  it('keeps rows and disk bounded over a simulated week on PostgreSQL (1-day retention, purge every 2 simulated hours)', async () => {
    const schema = randomSchema();
    schemas.push(schema);
    let now = new Date('2026-11-02T00:00:00Z').getTime();
    const clock = () => new Date(now);
    const axis = await testAxis({ store: await openPostgresStore(TEST_PG_URL, { schema }), clock });
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    const diskBytes = async () =>
      Number(
        (
          await admin.query(
            `SELECT sum(pg_total_relation_size(format('%I.%I', $1::text, t))) AS n FROM unnest(ARRAY['journal', 'packets', 'deliveries']) AS t`,
            [schema],
          )
        ).rows[0].n,
      );
    const DOCS_PER_HOUR = 6;
    const perDay: { day: number; packets: number; journal: number; disk: number }[] = [];
    let sent = 0;
    try {
      for (let hour = 0; hour < 7 * 24; hour += 1) {
        // The clients' signed timestamps are taken at creation: make them in the simulated hour.
        const sender = inProcessClient(axis, NGHE_AN, { now: clock });
        const receiver = inProcessClient(axis, TAY_NINH, { now: clock });
        for (let i = 0; i < DOCS_PER_HOUR; i += 1) {
          expect((await sender.sendEdoc(edocBytes())).status).toBe('OK');
          sent += 1;
          now += HOUR / DOCS_PER_HOUR / 2;
        }
        for (const item of (await receiver.getReceivedEdocList()).data) await receiver.updateStatus(item.docId, 'done');
        now += HOUR / 2;
        if (hour % 2 === 1) await purgeOnce(axis.core.store, { maxAgeMs: DAY, batch: 50, clock });
        if (hour % 24 === 23) {
          perDay.push({
            day: (hour + 1) / 24,
            packets: (await axis.core.store.findPackets({})).length,
            journal: (await axis.core.store.queryJournal({})).length,
            disk: await diskBytes(),
          });
        }
      }
    } finally {
      await admin.end();
      await axis.close();
    }
    // Kept: at most one day plus one purge interval of packets; the journal likewise (~4 entries per document).
    const bound = DOCS_PER_HOUR * 26;
    for (const d of perDay.slice(1)) expect(d.packets).toBeLessThanOrEqual(bound);
    expect(sent).toBe(7 * 24 * DOCS_PER_HOUR);
    const journalAfterDay2 = perDay[1].journal;
    const diskAfterDay2 = perDay[1].disk;
    // From day 2 on, the week's traffic keeps flowing while disk and rows stay level (space reused after VACUUM).
    for (const d of perDay.slice(2)) {
      expect(d.journal).toBeLessThanOrEqual(journalAfterDay2 * 1.2);
      expect(d.disk).toBeLessThanOrEqual(diskAfterDay2 * 1.5);
    }
    expect(perDay.at(-1)!.disk, JSON.stringify(perDay)).toBeLessThan(perDay[0].disk * 3);
  }, 240_000);
});

// Store benchmark, the three stores side by side in one run:
//   1. memory taken by 100 000 stored deliveries (memory store: heap; embedded: heap, RSS and disk;
//      PostgreSQL: table size on the server);
//   2. acceptSend throughput (one packet and two deliveries per send, each committed before the next).
// PostgreSQL is measured when reachable (TRUC_BENCH_PG, default the local test database) and
// skipped with a note otherwise.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { createMemoryStore } from '../../simulator/store/memory.ts';
import { openEmbeddedStore, openPostgresStore } from '../../simulator/store/sql/open.ts';
import type { Delivery, Store, StoredPacket } from '../../simulator/store/types.ts';

const PG_URL = process.env.TRUC_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const DELIVERIES = 100_000;
const DELIVERIES_PER_PACKET = 10;
const THROUGHPUT_SENDS = 2_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function settle(): NodeJS.MemoryUsage {
  gc();
  gc();
  return process.memoryUsage();
}

let sequence = 0;
/** A time-ordered 24-hex sender id, as the core makes them. */
const senderId = (): string =>
  Math.floor(Date.now() / 1000).toString(16).padStart(8, '0') + (sequence++).toString(16).padStart(16, '0');

// A 300-byte packet body: the store, not the packet size, is what is measured here.
const body = new Uint8Array(randomBytes(300));

function send(recipients: number): { packet: StoredPacket; deliveries: Delivery[] } {
  const id = senderId();
  const now = new Date();
  const packet: StoredPacket = {
    senderId: id,
    bytes: body,
    kind: 'edoc',
    messageType: 'edoc',
    serviceType: 'eDoc',
    caller: '000.00.00.G22',
    from: '000.00.00.G22',
    documentId: `000.00.00.G22,2026/11/22,${id}/VPCP`,
    codeNumber: id,
    codeNotation: 'VPCP',
    promulgationDate: '2026/11/22',
    subject: 'Về việc đo hiệu năng kho dữ liệu',
    sha256: 'ab'.repeat(32),
    injected: false,
    created: now,
  };
  const deliveries = Array.from({ length: recipients }, (_, i): Delivery => ({
    receiverId: randomUUID(),
    senderId: id,
    recipientCode: `000.0${(i % 8) + 1}.01.G99`,
    recipientSystem: `000.0${(i % 8) + 1}.01.G99`,
    fromCode: '000.00.00.G22',
    messageType: 'edoc',
    serviceType: 'eDoc',
    state: 'initial',
    statusDesc: 'Chua nhan',
    created: now,
    updated: now,
  }));
  return { packet, deliveries };
}

async function fill(store: Store): Promise<void> {
  for (let i = 0; i < DELIVERIES / DELIVERIES_PER_PACKET; i++) {
    const { packet, deliveries } = send(DELIVERIES_PER_PACKET);
    await store.acceptSend(packet, deliveries);
  }
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

async function throughput(store: Store): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < THROUGHPUT_SENDS; i++) {
    const { packet, deliveries } = send(2);
    await store.acceptSend(packet, deliveries);
  }
  return THROUGHPUT_SENDS / ((performance.now() - start) / 1000);
}

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function run(): Promise<void> {
  const rows: string[][] = [];
  const schema = `truc_bench_${randomBytes(4).toString('hex')}`;
  const dir = await mkdtemp(join(tmpdir(), 'truc-bench-store-'));
  const withPg = await pgReachable();
  try {
    // 1. Memory per 100 000 deliveries (with their 10 000 packets of 300 bytes).
    {
      const before = settle();
      const store = createMemoryStore();
      await fill(store);
      const after = settle();
      rows.push(['memory', 'heap', mb(after.heapUsed - before.heapUsed), `RSS ${mb(after.rss - before.rss)}`]);
      await store.close();
    }
    {
      const before = settle();
      const store = await openEmbeddedStore(join(dir, 'fill'));
      const emptyDisk = await folderSize(join(dir, 'fill'));
      await fill(store);
      const after = settle();
      const disk = await folderSize(join(dir, 'fill'));
      // RSS is given as a whole (WebAssembly engine + data): the engine's own memory rises and falls
      // while it initialises its database, so a delta taken after opening would mislead.
      rows.push([
        'embedded (PGlite)',
        'heap / RSS / disk',
        mb(after.heapUsed - before.heapUsed),
        `RSS ${mb(after.rss - before.rss)} (engine + data), disk +${mb(disk - emptyDisk)} over the empty database (${mb(emptyDisk)})`,
      ]);
      await store.close();
    }
    if (withPg) {
      const store = await openPostgresStore(PG_URL, { schema: `${schema}_fill` });
      await fill(store);
      await store.close();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      const { rows: size } = await client.query<{ bytes: string }>(
        `SELECT pg_total_relation_size('${schema}_fill.deliveries') + pg_total_relation_size('${schema}_fill.packets') AS bytes`,
      );
      await client.end();
      rows.push(['PostgreSQL', 'server tables', mb(Number(size[0]?.bytes)), '(packets + deliveries + indexes)']);
    }
    process.stdout.write(`Memory for ${DELIVERIES} stored deliveries (${DELIVERIES / DELIVERIES_PER_PACKET} packets of ${body.length} B):\n`);
    for (const [name, what, value, more] of rows) process.stdout.write(`  ${name.padEnd(18)} ${what.padEnd(18)} ${value.padStart(9)}  ${more}\n`);

    // 2. acceptSend throughput, same workload on each store.
    const rates: [string, number][] = [];
    {
      const store = createMemoryStore();
      rates.push(['memory', await throughput(store)]);
      await store.close();
    }
    {
      const store = await openEmbeddedStore(join(dir, 'rate'));
      rates.push(['embedded (PGlite)', await throughput(store)]);
      await store.close();
    }
    if (withPg) {
      const store = await openPostgresStore(PG_URL, { schema: `${schema}_rate` });
      rates.push(['PostgreSQL', await throughput(store)]);
      await store.close();
    }
    const base = rates.find(([name]) => name === 'embedded (PGlite)')?.[1] ?? 1;
    process.stdout.write(`acceptSend throughput (${THROUGHPUT_SENDS} sends of 1 packet + 2 deliveries, one at a time):\n`);
    for (const [name, rate] of rates) {
      process.stdout.write(`  ${name.padEnd(18)} ${rate.toFixed(0).padStart(8)} sends/s  ${(rate / base).toFixed(2)}x embedded\n`);
    }
    if (!withPg) process.stdout.write(`  PostgreSQL skipped: ${PG_URL.replace(/\/\/[^@]*@/, '//')} is not reachable\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (withPg) {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema}_fill CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${schema}_rate CASCADE`);
      await client.end();
    }
  }
}

// Every field of every record comes back as written, from both engines (they return int8, bytea
// and jsonb differently): the seeded directory, a status packet, a fully populated delivery and
// journal entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDirectory } from '../../directory/seed.ts';
import { sampleDelivery, samplePacket } from '../store-contract.ts';
import type { NewJournalEntry, Store } from '../types.ts';
import { openEmbeddedStore, openPostgresStore } from './open.ts';
import { TEST_PG_URL, dropSchemas, randomSchema, removeDir, preparedDataDir } from './test-support.ts';

const byteOrder = (a: { code: string }, b: { code: string }): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

const engines: [string, () => Promise<{ store: Store; cleanup: () => Promise<void> }>][] = [
  [
    'PGlite',
    async () => {
      const dir = await preparedDataDir();
      return { store: await openEmbeddedStore(dir), cleanup: () => removeDir(dir) };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = randomSchema();
      return { store: await openPostgresStore(TEST_PG_URL, { schema }), cleanup: () => dropSchemas([schema]) };
    },
  ],
];

describe.each(engines)('SQL round trip on %s', (_name, open) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await open());
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  it('keeps the whole seeded directory, inferred flags and parents included', async () => {
    const seed = await seedDirectory();
    await store.putAgencies(seed);
    expect(await store.listAgencies({ includeDeleted: true })).toEqual([...seed].sort(byteOrder));
    expect(await store.findAgency('000.00.00.H41')).toEqual(seed.find((r) => r.code === 'H41'));
  });

  it('keeps a status packet with its ResponseFor, and a delivery with every optional field', async () => {
    const packet = samplePacket('6740d1c2a1b2c3d4e5f6ffff', {
      kind: 'status',
      messageType: 'status',
      statusCode: '03',
      responseFor: { organId: '000.00.00.H41', code: '12/UBND-VX', promulgationDate: '2026/11/20', documentId: 'x' },
      injected: true,
      created: new Date('2026-11-22T01:02:03.456Z'),
    });
    const delivery = sampleDelivery('5a1b2c3d-0000-4000-8000-00000000abcd', packet.senderId, {
      state: 'fail',
      fetched: new Date('2026-11-22T02:00:00.001Z'),
      lastStatusCode: '06',
      lastStatusDesc: 'Hoan thanh',
      lastStatusTime: new Date('2026-11-22T03:00:00.999Z'),
    });
    await store.acceptSend(packet, [delivery]);
    expect(await store.getPacket(packet.senderId)).toEqual(packet);
    expect(await store.getDelivery(delivery.receiverId)).toEqual(delivery);
  });

  it('keeps a journal entry with every optional field', async () => {
    const entry: NewJournalEntry = {
      time: new Date('2026-11-22T04:05:06.789Z'),
      run: 'run-1',
      operation: 'sendEdoc',
      method: 'POST',
      path: '/XrdAdapter/adapter/sendEdoc',
      caller: '000.00.00.H41',
      agencies: ['000.00.00.H41', '000.00.00.H53'],
      headers: { systemid: '000.00.00.H41', description: 'Đã nhận', 'hash-header': '[redacted]' },
      hmacReading: 'raw',
      secretSeen: false,
      outcome: { status: 'OK', errorCode: '0', errorDesc: 'Thanh cong' },
      httpStatus: 200,
      findings: [
        { rule: 'EDXML-ID-001', level: 'warning', category: 'identifier', path: '/edXML', message: { vi: 'Mã', en: 'Code' }, cite: 'QCVN 102' },
      ],
      bodySha256: 'ef'.repeat(32),
      bodyLength: 3,
      bodyExcerpt: new Uint8Array([1, 2, 3]),
      senderId: '6740d1c2a1b2c3d4e5f6ffff',
      receiverIds: ['5a1b2c3d-0000-4000-8000-00000000abcd'],
      documentId: 'doc',
      statusCode: '03',
      fault: 'delay',
      remoteAddress: '127.0.0.1',
      durationMs: 12.5,
    };
    const stored = await store.appendJournal(entry);
    expect(stored).toEqual({ ...entry, id: stored.id });
    expect(await store.getJournalEntry(stored.id)).toEqual(stored);
  });
});

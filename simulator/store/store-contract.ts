// The behaviour every Store must show, written once and run against each implementation
// (memory.test.ts here; the SQL store runs it against PGlite and PostgreSQL).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery, NewJournalEntry, ReservationConflict, ReservationRequest, Store, StoredAgency, StoredPacket, StoredReservation, StoredRun } from './types.ts';

const t0 = new Date('2026-11-22T01:00:00.000Z');
const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);

export function samplePacket(senderId: string, overrides: Partial<StoredPacket> = {}): StoredPacket {
  const bytes = new TextEncoder().encode(`<edXML id="${senderId}">Quyết định</edXML>`);
  return {
    senderId,
    bytes,
    kind: 'edoc',
    messageType: 'edoc',
    serviceType: 'eDoc',
    caller: '000.00.00.G22',
    from: '000.00.00.G22',
    documentId: `000.00.00.G22,2026/11/22,${senderId}/VPCP-TTĐT`,
    codeNumber: senderId,
    codeNotation: 'VPCP-TTĐT',
    promulgationDate: '2026/11/22',
    subject: 'Về việc thử nghiệm',
    sha256: 'ab'.repeat(32),
    injected: false,
    created: t0,
    ...overrides,
  };
}

export function sampleDelivery(receiverId: string, senderId: string, overrides: Partial<Delivery> = {}): Delivery {
  return {
    receiverId,
    senderId,
    recipientCode: '000.00.00.H41',
    recipientSystem: '000.00.00.H41',
    fromCode: '000.00.00.G22',
    messageType: 'edoc',
    serviceType: 'eDoc',
    state: 'initial',
    statusDesc: 'Chua nhan',
    created: t0,
    updated: t0,
    ...overrides,
  };
}

function sampleJournal(overrides: Partial<NewJournalEntry> = {}): NewJournalEntry {
  return {
    time: t0,
    operation: 'sendEdoc',
    method: 'POST',
    path: '/sendEdoc',
    caller: '000.00.00.G22',
    agencies: ['000.00.00.G22', '000.00.00.H41'],
    headers: { systemid: '000.00.00.G22', messagetype: 'edoc' },
    secretSeen: false,
    outcome: { status: 'OK', errorCode: '0', errorDesc: 'Thanh cong' },
    httpStatus: 200,
    findings: [],
    bodyLength: 0,
    durationMs: 1,
    ...overrides,
  };
}

const agency = (code: string, overrides: Partial<StoredAgency> = {}): StoredAgency => ({
  id: code,
  code,
  name: `Cơ quan ${code}`,
  version: 1,
  deleted: false,
  ...overrides,
});

export function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('keeps, lists and deletes systems', async () => {
      await store.putSystem({ systemId: 'vxp.saas.02', secret: 's3cr3t', created: t0 });
      await store.putSystem({ systemId: '000.00.00.H41', secret: 'other', created: t0 });
      expect(await store.getSystem('vxp.saas.02')).toEqual({ systemId: 'vxp.saas.02', secret: 's3cr3t', created: t0 });
      expect((await store.listSystems()).map((s) => s.systemId)).toEqual(['000.00.00.H41', 'vxp.saas.02']);
      await store.putSystem({ systemId: 'vxp.saas.02', secret: 'rotated', created: t0 });
      expect((await store.getSystem('vxp.saas.02'))?.secret).toBe('rotated');
      expect(await store.deleteSystem('vxp.saas.02')).toBe(true);
      expect(await store.deleteSystem('vxp.saas.02')).toBe(false);
      expect(await store.getSystem('vxp.saas.02')).toBeUndefined();
    });

    it('finds agencies by either code form and hides deleted ones from lists', async () => {
      await store.putAgencies([
        agency('G12', { code102: '000.00.00.G12', name: 'Bộ Tài chính' }),
        agency('000.00.00.H41', { name: 'UBND tỉnh Nghệ An' }),
      ]);
      await store.putAgency(agency('000.01.00.H41', { pcode: '000.00.00.H41', registeredBy: '000.00.00.H41', deleted: true, version: 3 }));
      expect((await store.findAgency('000.00.00.G12'))?.name).toBe('Bộ Tài chính');
      expect((await store.findAgency('G12'))?.code102).toBe('000.00.00.G12');
      expect((await store.findAgency('000.01.00.H41'))?.registeredBy).toBe('000.00.00.H41');
      expect(await store.findAgency('000.00.00.G99')).toBeUndefined();
      expect((await store.listAgencies()).map((a) => a.code)).toEqual(['000.00.00.H41', 'G12']);
      expect((await store.listAgencies({ includeDeleted: true })).map((a) => a.code)).toEqual([
        '000.00.00.H41',
        '000.01.00.H41',
        'G12',
      ]);
      expect(await store.countAgencies()).toBe(3);
      await store.putAgency(agency('G12', { code102: '000.00.00.G12', name: 'Bộ Tài chính (mới)', version: 2 }));
      expect((await store.findAgency('G12'))?.name).toBe('Bộ Tài chính (mới)');
      expect(await store.countAgencies()).toBe(3);
    });

    it('stores a packet and its deliveries together, byte for byte', async () => {
      const packet = samplePacket('6740d1c2a1b2c3d4e5f60001');
      const bytes = new Uint8Array([0x3c, 0x00, 0xff, 0x0d, 0x0a]);
      await store.acceptSend({ ...packet, bytes }, [
        sampleDelivery('1b4e28ba-2fa1-41d2-883f-0016d3cca427', packet.senderId),
        sampleDelivery('2c4e28ba-2fa1-41d2-883f-0016d3cca427', packet.senderId, {
          recipientCode: '000.00.00.H53',
          recipientSystem: '000.00.00.H53',
        }),
      ]);
      const stored = await store.getPacket(packet.senderId);
      expect(stored && Array.from(stored.bytes)).toEqual(Array.from(bytes));
      expect(stored?.documentId).toBe(packet.documentId);
      expect(stored?.subject).toBe('Về việc thử nghiệm');
      expect(await store.countDeliveries({ senderId: packet.senderId })).toBe(2);
      expect((await store.getDelivery('2c4e28ba-2fa1-41d2-883f-0016d3cca427'))?.recipientSystem).toBe('000.00.00.H53');
    });

    it('refuses a send whose ids collide and keeps nothing of it', async () => {
      const first = samplePacket('6740d1c2a1b2c3d4e5f60001');
      await store.acceptSend(first, [sampleDelivery('1b4e28ba-2fa1-41d2-883f-0016d3cca427', first.senderId)]);
      const second = samplePacket('6740d1c2a1b2c3d4e5f60002');
      await expect(
        store.acceptSend(second, [
          sampleDelivery('3d4e28ba-2fa1-41d2-883f-0016d3cca427', second.senderId),
          sampleDelivery('1b4e28ba-2fa1-41d2-883f-0016d3cca427', second.senderId),
        ]),
      ).rejects.toThrow();
      expect(await store.getPacket(second.senderId)).toBeUndefined();
      expect(await store.getDelivery('3d4e28ba-2fa1-41d2-883f-0016d3cca427')).toBeUndefined();
      expect((await store.getDelivery('1b4e28ba-2fa1-41d2-883f-0016d3cca427'))?.senderId).toBe(first.senderId);
    });

    it('finds packets by document identity', async () => {
      await store.acceptSend(samplePacket('6740d1c2a1b2c3d4e5f60001', { created: at(1) }), []);
      await store.acceptSend(
        samplePacket('6740d1c2a1b2c3d4e5f60002', { created: at(2), documentId: 'other', codeNumber: '77' }),
        [],
      );
      await store.acceptSend(
        samplePacket('6740d1c2a1b2c3d4e5f60003', { created: at(3), kind: 'status', messageType: 'status', statusCode: '01' }),
        [],
      );
      const byId = await store.findPackets({ documentId: 'other' });
      expect(byId.map((p) => p.senderId)).toEqual(['6740d1c2a1b2c3d4e5f60002']);
      const byCode = await store.findPackets({ from: '000.00.00.G22', codeNumber: '77', codeNotation: 'VPCP-TTĐT', promulgationDate: '2026/11/22' });
      expect(byCode.map((p) => p.senderId)).toEqual(['6740d1c2a1b2c3d4e5f60002']);
      const edocs = await store.findPackets({ kind: 'edoc', newestFirst: true, limit: 1 });
      expect(edocs.map((p) => p.senderId)).toEqual(['6740d1c2a1b2c3d4e5f60002']);
      expect((await store.findPackets({ kind: 'status' }))[0]?.statusCode).toBe('01');
    });

    it('lists and counts an inbox by system, mailbox, state and time, oldest first', async () => {
      const p = samplePacket('6740d1c2a1b2c3d4e5f60001');
      await store.acceptSend(p, [
        sampleDelivery('00000000-0000-4000-8000-000000000003', p.senderId, { created: at(3) }),
        sampleDelivery('00000000-0000-4000-8000-000000000001', p.senderId, { created: at(1) }),
        sampleDelivery('00000000-0000-4000-8000-000000000002', p.senderId, { created: at(2), state: 'done' }),
        sampleDelivery('00000000-0000-4000-8000-000000000004', p.senderId, { created: at(4), messageType: 'status' }),
        sampleDelivery('00000000-0000-4000-8000-000000000005', p.senderId, { created: at(5), recipientSystem: 'other' }),
      ]);
      const inbox = await store.listDeliveries({
        recipientSystem: '000.00.00.H41',
        messageType: 'edoc',
        states: ['initial', 'processing', 'fail'],
      });
      expect(inbox.map((d) => d.receiverId)).toEqual([
        '00000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000003',
      ]);
      expect(await store.countDeliveries({ recipientSystem: '000.00.00.H41', messageType: 'edoc', states: ['initial'] })).toBe(2);
      const windowed = await store.listDeliveries({ recipientSystem: '000.00.00.H41', since: at(2), until: at(3) });
      expect(windowed.map((d) => d.receiverId)).toEqual([
        '00000000-0000-4000-8000-000000000002',
        '00000000-0000-4000-8000-000000000003',
      ]);
      expect((await store.listDeliveries({ recipientCode: '000.00.00.H41' })).length).toBe(5);
    });

    it('updates a delivery with a patch and ignores unknown ids', async () => {
      const p = samplePacket('6740d1c2a1b2c3d4e5f60001');
      await store.acceptSend(p, [sampleDelivery('00000000-0000-4000-8000-000000000001', p.senderId)]);
      const updated = await store.updateDelivery('00000000-0000-4000-8000-000000000001', {
        state: 'processing',
        statusDesc: 'Dang xu ly',
        updated: at(10),
        fetched: at(9),
      });
      expect(updated?.state).toBe('processing');
      await store.updateDelivery('00000000-0000-4000-8000-000000000001', {
        lastStatusCode: '03',
        lastStatusDesc: 'Da tiep nhan',
        lastStatusTime: at(11),
        fetched: undefined,
      });
      const read = await store.getDelivery('00000000-0000-4000-8000-000000000001');
      expect(read).toMatchObject({
        state: 'processing',
        statusDesc: 'Dang xu ly',
        updated: at(10),
        fetched: at(9),
        lastStatusCode: '03',
        lastStatusTime: at(11),
        created: t0,
      });
      expect(await store.updateDelivery('00000000-0000-4000-8000-00000000dead', { state: 'done' })).toBeUndefined();
    });

    it('returns copies that callers cannot use to change stored state', async () => {
      const p = samplePacket('6740d1c2a1b2c3d4e5f60001');
      await store.acceptSend(p, [sampleDelivery('00000000-0000-4000-8000-000000000001', p.senderId)]);
      const read = await store.getDelivery('00000000-0000-4000-8000-000000000001');
      if (read) read.state = 'done';
      const packet = await store.getPacket(p.senderId);
      if (packet) packet.bytes[0] = 0;
      expect((await store.getDelivery('00000000-0000-4000-8000-000000000001'))?.state).toBe('initial');
      expect((await store.getPacket(p.senderId))?.bytes[0]).toBe(p.bytes[0]);
    });

    it('numbers journal entries monotonically and queries them by agency, operation, run, time and id', async () => {
      const a = await store.appendJournal(sampleJournal({ time: at(1), run: 'r1' }));
      const b = await store.appendJournal(
        sampleJournal({ time: at(2), operation: 'getReceivedEdocList', caller: '000.00.00.H41', agencies: ['000.00.00.H41'] }),
      );
      const c = await store.appendJournal(
        sampleJournal({
          time: at(3),
          operation: 'updateStatus',
          caller: '000.00.00.H53',
          agencies: ['000.00.00.H53'],
          secretSeen: true,
          hmacReading: 'utf8',
          bodyExcerpt: new Uint8Array([0x7b, 0x7d]),
          bodySha256: 'cd'.repeat(32),
          bodyLength: 2,
          findings: [
            { rule: 'AXIS-TO-001', level: 'warning', category: 'identifier', path: 'to', message: { vi: 'Sai', en: 'Wrong' }, cite: 'axis' },
          ],
          outcome: { status: 'FAIL', errorCode: '2', errorDesc: 'Sai chu ky' },
          receiverIds: ['00000000-0000-4000-8000-000000000001'],
        }),
      );
      expect([a.id, b.id, c.id]).toEqual([a.id, a.id + 1, a.id + 2]);
      const read = await store.getJournalEntry(c.id);
      expect(read).toMatchObject({
        secretSeen: true,
        hmacReading: 'utf8',
        outcome: { status: 'FAIL', errorCode: '2', errorDesc: 'Sai chu ky' },
        receiverIds: ['00000000-0000-4000-8000-000000000001'],
      });
      expect(read && Array.from(read.bodyExcerpt ?? [])).toEqual([0x7b, 0x7d]);
      expect(read?.findings[0]?.rule).toBe('AXIS-TO-001');
      const ids = async (q: Parameters<Store['queryJournal']>[0]) => (await store.queryJournal(q)).map((e) => e.id);
      expect(await ids({ agency: '000.00.00.H41' })).toEqual([a.id, b.id]);
      expect(await ids({ operation: 'updateStatus' })).toEqual([c.id]);
      expect(await ids({ run: 'r1' })).toEqual([a.id]);
      expect(await ids({ since: at(2), until: at(3) })).toEqual([b.id, c.id]);
      expect(await ids({ afterId: a.id })).toEqual([b.id, c.id]);
      expect(await ids({ afterId: a.id, limit: 1 })).toEqual([b.id]);
      expect(await store.getJournalEntry(c.id + 100)).toBeUndefined();
    });

    it('keeps tenants and stamps systems with the tenant that registered them', async () => {
      await store.putTenant({ id: 'vendor-a', name: 'Công ty A', kind: 'vendor', tokenSha256: 'ab'.repeat(32), created: t0 });
      await store.putTenant({ id: 'agency-h41', name: 'Sở TT&TT Nghệ An', tokenSha256: 'cd'.repeat(32), created: t0 });
      expect(await store.getTenant('vendor-a')).toEqual({ id: 'vendor-a', name: 'Công ty A', kind: 'vendor', tokenSha256: 'ab'.repeat(32), created: t0 });
      expect((await store.listTenants()).map((t) => t.id)).toEqual(['agency-h41', 'vendor-a']);
      await store.putSystem({ systemId: 'sys-a', secret: 's', created: t0, tenant: 'vendor-a' });
      expect((await store.getSystem('sys-a'))?.tenant).toBe('vendor-a');
      expect(await store.deleteTenant('vendor-a')).toBe(true);
      expect(await store.deleteTenant('vendor-a')).toBe(false);
      expect(await store.getTenant('vendor-a')).toBeUndefined();
    });

    it("scopes packets, deliveries and journal to a tenant: what it sent, and what reached its systems", async () => {
      await store.putSystem({ systemId: 'sys-a', secret: 's', created: t0, tenant: 'ta' });
      await store.putSystem({ systemId: 'sys-b', secret: 's', created: t0, tenant: 'tb' });
      await store.putSystem({ systemId: 'sys-o', secret: 's', created: t0 });
      const fromA = samplePacket('6740d1c2a1b2c3d4e5f60001', { caller: 'sys-a', tenant: 'ta' });
      await store.acceptSend(fromA, [sampleDelivery('00000000-0000-4000-8000-000000000001', fromA.senderId, { recipientSystem: 'sys-b' })]);
      const fromO = samplePacket('6740d1c2a1b2c3d4e5f60002', { caller: 'sys-o' });
      await store.acceptSend(fromO, [sampleDelivery('00000000-0000-4000-8000-000000000002', fromO.senderId, { recipientSystem: 'sys-o' })]);
      const packets = async (tenant: string) => (await store.findPackets({ tenant })).map((p) => p.senderId);
      expect(await packets('ta')).toEqual([fromA.senderId]);
      expect(await packets('tb')).toEqual([fromA.senderId]);
      expect(await packets('tc')).toEqual([]);
      expect((await store.findPackets({})).length).toBe(2);
      const deliveries = async (tenant: string) => (await store.listDeliveries({ tenant })).map((d) => d.receiverId);
      expect(await deliveries('ta')).toEqual(['00000000-0000-4000-8000-000000000001']);
      expect(await deliveries('tb')).toEqual(['00000000-0000-4000-8000-000000000001']);
      expect(await deliveries('tc')).toEqual([]);
      expect(await store.countDeliveries({ tenant: 'tb', recipientSystem: 'sys-b' })).toBe(1);
      const a = await store.appendJournal(sampleJournal({ tenant: 'ta' }));
      await store.appendJournal(sampleJournal());
      expect((await store.queryJournal({ tenant: 'ta' })).map((e) => e.id)).toEqual([a.id]);
      expect((await store.getJournalEntry(a.id))?.tenant).toBe('ta');
    });

    it('purges journal entries, packets (with their deliveries) and run records older than a cutoff, batch by batch', async () => {
      for (let i = 0; i < 5; i += 1) {
        const p = samplePacket(`6740d1c2a1b2c3d4e5f6000${i}`, { created: at(i * 10) });
        await store.acceptSend(p, [
          sampleDelivery(`00000000-0000-4000-8000-00000000000${i}`, p.senderId, { created: at(i * 10) }),
          sampleDelivery(`00000000-0000-4000-8000-00000000001${i}`, p.senderId, { created: at(i * 10) }),
        ]);
        await store.appendJournal(sampleJournal({ time: at(i * 10) }));
      }
      const oldRun: StoredRun = { runId: 'r-old', sutCode: '000.00.00.H41', profile: 'core', status: 'finished', started: at(0), updated: at(20), data: {} };
      await store.putRun(oldRun);
      await store.putRun({ ...oldRun, runId: 'r-new', updated: at(30) });
      const kept = (await store.queryJournal({})).slice(3).map((e) => e.id);
      expect(await store.purgeBefore(at(25), 2)).toEqual({ journal: 2, packets: 2, deliveries: 4, runs: 1 });
      expect(await store.purgeBefore(at(25), 2)).toEqual({ journal: 1, packets: 1, deliveries: 2, runs: 0 });
      expect(await store.purgeBefore(at(25), 2)).toEqual({ journal: 0, packets: 0, deliveries: 0, runs: 0 });
      await store.reclaimSpace();
      expect((await store.listRuns({})).map((r) => r.runId)).toEqual(['r-new']);
      expect((await store.queryJournal({})).map((e) => e.id)).toEqual(kept);
      expect((await store.findPackets({})).map((p) => p.senderId)).toEqual(['6740d1c2a1b2c3d4e5f60003', '6740d1c2a1b2c3d4e5f60004']);
      expect(await store.countDeliveries({})).toBe(4);
      expect(await store.getDelivery('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      // Ids keep counting after a purge, and the remaining entries are still found by id.
      const next = await store.appendJournal(sampleJournal({ time: at(60) }));
      expect(next.id).toBe(kept[1] + 1);
      expect((await store.getJournalEntry(kept[0]))?.id).toBe(kept[0]);
      expect((await store.queryJournal({ afterId: kept[0] })).map((e) => e.id)).toEqual([kept[1], next.id]);
    });

    it('keeps conformance runs, replaces them by id, lists newest first by tenant and SUT', async () => {
      const run = (runId: string, minute: number, extra: Partial<StoredRun> = {}): StoredRun => ({
        runId,
        sutCode: '000.00.00.H41',
        profile: 'core',
        status: 'running',
        started: at(minute),
        updated: at(minute),
        data: { cases: [{ id: 'T-01', state: 'pending' }], text: 'Quyết định' },
        ...extra,
      });
      await store.putRun(run('r-1', 1));
      await store.putRun(run('r-2', 2, { tenant: 'vendor-a', sutCode: '000.00.00.H53' }));
      await store.putRun(run('r-1', 1, { status: 'finished', verdict: 'conformant', updated: at(5), data: { cases: [] } }));
      expect(await store.getRun('r-1')).toEqual(run('r-1', 1, { status: 'finished', verdict: 'conformant', updated: at(5), data: { cases: [] } }));
      expect(await store.getRun('nope')).toBeUndefined();
      expect((await store.listRuns({})).map((r) => r.runId)).toEqual(['r-2', 'r-1']);
      expect((await store.listRuns({ tenant: 'vendor-a' })).map((r) => r.runId)).toEqual(['r-2']);
      expect((await store.listRuns({ sutCode: '000.00.00.H41' })).map((r) => r.runId)).toEqual(['r-1']);
      expect((await store.listRuns({ limit: 1 })).map((r) => r.runId)).toEqual(['r-2']);
      const copy = await store.getRun('r-2');
      (copy!.data as { text: string }).text = 'changed';
      expect(((await store.getRun('r-2'))!.data as { text: string }).text).toBe('Quyết định');
    });

    const runRequest = (runId: string, sutCode: string, overrides: Partial<ReservationRequest> = {}): ReservationRequest => ({
      runId,
      sutCode,
      agencies: 40,
      numbers: 1000,
      agencyFloor: 0,
      numberFloor: 0,
      now: at(0),
      staleBefore: at(-120),
      ...overrides,
    });
    const reserved = (r: StoredReservation | ReservationConflict): StoredReservation => {
      if ('conflict' in r) throw new Error(`unexpected conflict with ${r.conflict.runId}`);
      return r;
    };
    const overlap = (a: StoredReservation, b: StoredReservation): boolean =>
      a.agencyStart < b.agencyStart + b.agencyCount && b.agencyStart < a.agencyStart + a.agencyCount ||
      a.numberStart < b.numberStart + b.numberCount && b.numberStart < a.numberStart + a.numberCount;

    it('reserves runs atomically: concurrent reservations get disjoint agencies and numbers', async () => {
      const runs = (await Promise.all(Array.from({ length: 12 }, (_, i) => store.reserveRun(runRequest(`r-${i}`, `SUT-${i}`))))).map(reserved);
      for (const a of runs) for (const b of runs) if (a !== b) expect(overlap(a, b), `${a.runId} / ${b.runId}`).toBe(false);
      expect(new Set(runs.map((r) => r.runId)).size).toBe(12);
      expect((await store.activeReservations(at(-1))).map((r) => r.runId).sort()).toEqual(runs.map((r) => r.runId).sort());
      expect(await store.getReservation('r-3')).toEqual(runs[3]);
    });

    it('never hands out a position twice, even after runs end; a fresh store starts at the floors', async () => {
      const first = reserved(await store.reserveRun(runRequest('r-a', 'SUT', { agencyFloor: 500, numberFloor: 70_000 })));
      expect(first).toMatchObject({ agencyStart: 500, agencyCount: 40, numberStart: 70_000, numberCount: 1000, started: at(0), alive: at(0) });
      expect(await store.updateReservation('r-a', { ended: at(5) })).toBe(true);
      // A lower floor (a clock set back, another process) cannot take the cursor backwards; the
      // agency floor no longer matters once the store has reserved (the cursor continues).
      const second = reserved(await store.reserveRun(runRequest('r-b', 'SUT', { now: at(10), agencyFloor: 9000 })));
      expect(second).toMatchObject({ agencyStart: 540, numberStart: 71_000 });
      const third = reserved(await store.reserveRun(runRequest('r-c', 'SUT-2', { numberFloor: 90_000 })));
      expect(third).toMatchObject({ agencyStart: 580, numberStart: 90_000 });
      expect(await store.updateReservation('nope', { alive: at(1) })).toBe(false);
    });

    it('refuses a second active run for the same system until the first ends or goes silent', async () => {
      reserved(await store.reserveRun(runRequest('r-1', 'SUT')));
      const refused = await store.reserveRun(runRequest('r-2', 'SUT'));
      expect(refused).toMatchObject({ conflict: { runId: 'r-1', sutCode: 'SUT' } });
      expect(await store.getReservation('r-2')).toBeUndefined();
      // Silent past its lease: over, whatever it said.
      expect(reserved(await store.reserveRun(runRequest('r-3', 'SUT', { now: at(300), staleBefore: at(200) }))).runId).toBe('r-3');
      expect(await store.updateReservation('r-3', { alive: at(310) })).toBe(true);
      expect(await store.updateReservation('r-3', { ended: at(320) })).toBe(true);
      expect((await store.getReservation('r-3'))?.ended).toEqual(at(320));
      expect((await store.activeReservations(at(200))).map((r) => r.runId)).toEqual([]);
      expect(reserved(await store.reserveRun(runRequest('r-4', 'SUT', { now: at(330), staleBefore: at(200) }))).runId).toBe('r-4');
    });
  });
}

import { serve, type ServerType } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPacket } from '../edxml/build.ts';
import { composeEdoc } from '../edxml/compose.ts';
import { createAxis, type Axis } from '../simulator/axis.ts';
import { AxisClient } from '../simulator/client/client.ts';
import { defineCase } from './case.ts';
import { createInProcessDriver } from './drivers/in-process.ts';
import { runSuite } from './runner.ts';
import { inProcessAxisPort, remoteAxisPort, type RunRegistration, type SimulatorPort } from './simulator-port.ts';

const SUT = '000.00.00.H41';
const SECRET = 'sut-secret-for-tests';
const run = (runId: string, sutCode = SUT): RunRegistration => ({ runId, sutCode, agencies: 4 });

/** A minimal SUT: polls once per journal tick until it has acknowledged what it finds. */
function miniSut(axis: Axis): { stop: () => void } {
  const client = new AxisClient({ baseUrl: 'http://axis.test', systemId: SUT, secret: SECRET, fetch: (r) => axis.app.request(r) });
  let running = true;
  const loop = async () => {
    while (running) {
      const list = await client.getReceivedEdocList({ messagetype: 'edoc' });
      for (const item of list.data ?? []) {
        await client.getEdoc(item.docId);
        await client.updateStatus(item.docId, 'done');
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  void loop();
  return { stop: () => (running = false) };
}

const receiveCase = defineCase({
  id: 'B-01',
  counterparts: 1,
  schedule: 'concurrent',
  setup: (ctx) => {
    const doc = ctx.document();
    const packet = composeEdoc({ ...doc, from: doc.from, to: [ctx.run.sutCode], subject: 'Thử nghiệm cổng điều khiển' });
    return { doc, bytes: buildPacket(packet) };
  },
  act: async (ctx, state) => {
    await ctx.send({ from: state.doc.from, bytes: state.bytes, messageType: 'edoc' });
  },
  await: (ctx) =>
    ctx.waitFor((e) => e.operation === 'updateStatus' && e.caller === SUT && ctx.ownEntries().includes(e), {
      expected: { vi: 'Hệ thống xác nhận done', en: 'The system acknowledges done' },
    }),
  assert: (ctx, _state, ack) => {
    if (ack.headers.status !== 'done') ctx.fail({ vi: 'done', en: 'done' }, { vi: ack.headers.status ?? '?', en: ack.headers.status ?? '?' });
  },
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(): Promise<Axis> {
  const axis = await createAxis({ systems: [{ systemId: SUT, secret: SECRET }] });
  cleanups.push(() => axis.close());
  await axis.app.request(`${axis.controlPrefix}/directory/${SUT}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${axis.controlToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'UBND tỉnh Nghệ An', code102: SUT }),
  });
  const sut = miniSut(axis);
  cleanups.push(sut.stop);
  return axis;
}

async function runOn(port: SimulatorPort) {
  cleanups.push(() => port.close());
  return runSuite({
    runId: 'r-port',
    profile: 'business',
    timing: { profile: 'ci', responseSeconds: 5, settleSeconds: 0.05 },
    sut: { code: SUT, name: 'UBND tỉnh Nghệ An' },
    cases: [receiveCase],
    port,
    driver: createInProcessDriver(async () => 'accepted'),
    suiteVersion: 'test',
  });
}

describe('simulator port', () => {
  it('in process: injects as a counterpart and resolves on the SUT acknowledgement journaled by the real axis', async () => {
    const axis = await setUp();
    const record = await runOn(await inProcessAxisPort(axis, run('r-port')));
    const b01 = record.cases.find((c) => c.id === 'B-01')!;
    expect(b01.result).toBe('pass');
    const operations = b01.evidence.map((id) => record.journal.find((e) => e.id === id)?.operation);
    expect(operations).toEqual(['control:inject', 'updateStatus']);
    expect(record.journal.every((e) => e.run === 'r-port')).toBe(true);
    expect(record.journal.some((e) => e.operation === 'getEdoc' && e.caller === SUT)).toBe(true);
  });

  it('over HTTP: the same run through the control API and its server-sent journal events', async () => {
    const axis = await setUp();
    const server = await new Promise<{ server: ServerType; port: number }>((resolve) => {
      const s = serve({ fetch: axis.app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve({ server: s, port: info.port }));
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.server.close(() => resolve());
          // Keep-alive sockets would otherwise hold close() for seconds.
          (server.server as import('node:http').Server).closeAllConnections();
        }),
    );
    const port = await remoteAxisPort({
      controlUrl: `http://127.0.0.1:${server.port}${axis.controlPrefix}`,
      token: axis.controlToken,
      run: run('r-port'),
    });
    const record = await runOn(port);
    expect(record.cases.find((c) => c.id === 'B-01')!.result).toBe('pass');
    // The injection is answered only with its entry already on the run's own stream.
    const injection = record.journal.find((e) => e.operation === 'control:inject')!;
    expect(port.journal.snapshot().some((e) => e.id === injection.id)).toBe(true);
    expect(record.journal.find((e) => e.operation === 'control:inject')?.bodyExcerpt?.byteLength).toBeGreaterThan(100);
  });

  it('provisions the SUT: keeps a known secret, sets a given one, adds a missing directory entry once', async () => {
    const axis = await setUp();
    const port = await inProcessAxisPort(axis, run('r-sys'));
    cleanups.push(() => port.close());
    expect(await port.ensureSystem(SUT)).toBe(SECRET);
    const issued = await port.ensureSystem('000.00.00.H53');
    expect(issued.length).toBeGreaterThan(10);
    expect(await port.ensureSystem('000.00.00.H53', 'chosen')).toBe('chosen');
    expect((await axis.core.store.getSystem('000.00.00.H53'))?.secret).toBe('chosen');
    expect(await port.ensureAgency('000.00.00.H53', 'UBND tỉnh Tây Ninh')).toBe('UBND tỉnh Tây Ninh');
    expect(await port.ensureAgency('000.00.00.H53', 'renamed')).toBe('UBND tỉnh Tây Ninh');
    expect((await axis.core.store.findAgency('000.00.00.H53'))?.name).toBe('UBND tỉnh Tây Ninh');
  });

  it('keeps only the run’s own exchanges in the journal view', async () => {
    const axis = await setUp();
    const client = new AxisClient({ baseUrl: 'http://axis.test', systemId: SUT, secret: SECRET, fetch: (r) => axis.app.request(r) });
    await client.getAgenciesList();
    const port = await inProcessAxisPort(axis, run('r-mine'));
    cleanups.push(() => port.close());
    const journaled = new Promise<void>((resolve) => {
      const unsubscribe = port.journal.subscribe((e) => {
        if (e.operation === 'getAgenciesListQD20') {
          unsubscribe();
          resolve();
        }
      });
    });
    await client.getAgenciesListQD20();
    await journaled;
    const operations = port.journal.snapshot().map((e) => e.operation);
    expect(operations).toContain('getAgenciesListQD20');
    expect(operations).not.toContain('getAgenciesList');
    expect(port.journal.snapshot().every((e) => e.run === 'r-mine')).toBe(true);
  });

  it('sets and clears faults scoped to the SUT, tolerating faults that used themselves up', async () => {
    const axis = await setUp();
    const port = await inProcessAxisPort(axis, run('r-fault'));
    cleanups.push(() => port.close());
    const id = await port.setFault({ kind: 'fail', operations: ['sendEdoc'], agencies: [SUT], count: 1 });
    expect(axis.core.faults.list().map((f) => f.id)).toEqual([id]);
    await port.clearFault(id);
    expect(axis.core.faults.list()).toEqual([]);
    await expect(port.clearFault(id)).resolves.toBeUndefined();
  });

  it('runs on one axis get their own labels, agencies and numbers; one active run per system', async () => {
    const axis = await setUp();
    await axis.core.store.putSystem({ systemId: '000.00.00.H53', secret: 'other', created: new Date() });
    const first = await inProcessAxisPort(axis, run('r-one'));
    cleanups.push(() => first.close());
    const second = await inProcessAxisPort(axis, run('r-two', '000.00.00.H53'));
    cleanups.push(() => second.close());
    const a = first.reservation;
    const b = second.reservation;
    expect(a.agencyStart + a.agencyCount <= b.agencyStart || b.agencyStart + b.agencyCount <= a.agencyStart).toBe(true);
    expect(a.numberStart + a.numberCount <= b.numberStart || b.numberStart + b.numberCount <= a.numberStart).toBe(true);
    // A second run of the same system while the first is active: refused, stable code.
    await expect(inProcessAxisPort(axis, run('r-three'))).rejects.toMatchObject({ code: 'CONF-RUN-BUSY' });
    // Each system's calls carry its own run's label.
    const other = new AxisClient({ baseUrl: 'http://axis.test', systemId: '000.00.00.H53', secret: 'other', fetch: (r) => axis.app.request(r) });
    await other.getAgenciesList();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const mine = first.journal.snapshot();
    const theirs = second.journal.snapshot();
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.map((e) => e.caller)).toEqual(['000.00.00.H53']);
    expect(mine.every((e) => e.caller === SUT && e.run === 'r-one')).toBe(true);
    // Once the first ends, the system can be certified again, with fresh positions.
    await first.close();
    const again = await inProcessAxisPort(axis, run('r-four'));
    cleanups.push(() => again.close());
    expect(again.reservation.agencyStart).toBeGreaterThanOrEqual(Math.max(a.agencyStart + a.agencyCount, b.agencyStart + b.agencyCount));
    expect(again.reservation.numberStart).toBeGreaterThanOrEqual(Math.max(a.numberStart + a.numberCount, b.numberStart + b.numberCount));
  });
});

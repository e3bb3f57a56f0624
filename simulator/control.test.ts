// The control API (spec axis-api §7): token-only access, systems, directory, injection, packets,
// journal queries and events, faults, trust material and run labels.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Axis } from './axis.ts';
import { AxisClient } from './client/client.ts';
import { signHeaders } from './client/sign.ts';
import { startServer } from './server.ts';
import { NGHE_AN, TAY_NINH, edocBytes, inProcessClient, testAxis } from './testing/fixtures.ts';

const CONTROL = '/_truc/v1';

async function control(axis: Axis, path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const response = await axis.app.request(`${CONTROL}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${init.token ?? axis.controlToken}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as any) : undefined };
}

describe('control API', () => {
  let axis: Axis;
  beforeEach(async () => {
    axis = await testAxis();
  });
  afterEach(() => axis.close());

  it('answers only the control token, never an agency credential', async () => {
    expect((await control(axis, '/systems', { token: 'wrong' })).status).toBe(401);
    const agency = await axis.app.request(`${CONTROL}/systems`, { headers: signHeaders([['systemid', NGHE_AN.systemId]], NGHE_AN.secret) });
    expect(agency.status).toBe(401);
    expect(((await agency.json()) as { error: { code: string } }).error.code).toBe('CTL-UNAUTHORIZED');
  });

  it('provisions and removes systems that can then call the axis', async () => {
    const created = await control(axis, '/systems', { method: 'POST', body: { systemId: '000.00.00.G22' } });
    expect(created.status).toBe(201);
    const g22 = inProcessClient(axis, { systemId: '000.00.00.G22', secret: created.body.secret });
    expect((await g22.countReceiveEdoc()).status).toBe('OK');
    expect((await control(axis, '/systems/000.00.00.G22', { method: 'DELETE' })).status).toBe(204);
    expect((await g22.countReceiveEdoc()).ErrorCode).toBe('3');
    expect((await control(axis, '/systems', { method: 'POST', body: { secret: 1 } })).body.error.code).toBe('CTL-SYSTEM-INVALID');
  });

  it('adds and deletes directory entries with growing versions', async () => {
    const put = await control(axis, '/directory/000.01.01.G99', { method: 'PUT', body: { name: 'Đơn vị thử nghiệm 1', pcode: 'G99' } });
    expect(put.status).toBe(200);
    const v1 = put.body.version;
    expect(put.body.pid).toBe((await axis.core.store.findAgency('G99'))?.id);
    expect((await control(axis, '/directory/000.01.01.G99', { method: 'DELETE' })).status).toBe(204);
    const record = (await axis.core.store.findAgency('000.01.01.G99'))!;
    expect(record.deleted).toBe(true);
    expect(record.version).toBeGreaterThan(v1);
    expect((await control(axis, '/directory/000.01.01.G99', { method: 'DELETE' })).status).toBe(404);
  });

  it('injects a packet as any agency, past intake and past routing when asked', async () => {
    const b = inProcessClient(axis, TAY_NINH);
    const a = inProcessClient(axis, NGHE_AN);
    const normal = await control(axis, '/inject', { method: 'POST', body: { as: '000.00.00.G22', packet: Buffer.from(edocBytes({ from: '000.00.00.G22' })).toString('base64') } });
    expect(normal.status).toBe(200);
    expect(normal.body.deliveries).toEqual([expect.objectContaining({ recipientCode: TAY_NINH.systemId, recipientSystem: TAY_NINH.systemId })]);

    const garbage = Buffer.from('this is not XML').toString('base64');
    expect((await control(axis, '/inject', { method: 'POST', body: { as: '000.00.00.G22', packet: garbage, to: [TAY_NINH.systemId] } })).body.error.code).toBe('CTL-INJECT-UNREADABLE');
    const damaged = await control(axis, '/inject', { method: 'POST', body: { as: '000.00.00.G22', packet: garbage, to: [TAY_NINH.systemId], skipIntake: true } });
    expect(damaged.status).toBe(200);

    // Addressed to Tây Ninh, delivered to Nghệ An.
    const misrouted = await control(axis, '/inject', { method: 'POST', body: { as: '000.00.00.G22', packet: Buffer.from(edocBytes({ from: '000.00.00.G22' })).toString('base64'), to: [NGHE_AN.systemId] } });
    expect(misrouted.body.deliveries[0].recipientSystem).toBe(NGHE_AN.systemId);

    expect((await b.getReceivedEdocList()).data).toHaveLength(2);
    expect((await a.getReceivedEdocList()).data).toHaveLength(1);
    const [inject] = await axis.core.store.queryJournal({ operation: 'control:inject' });
    expect(inject).toMatchObject({ caller: '000.00.00.G22', senderId: normal.body.senderId });

    const meta = await control(axis, `/packets/${damaged.body.senderId}`);
    expect(meta.body).toMatchObject({ kind: 'unknown', injected: true, deliveries: [expect.objectContaining({ state: 'initial' })] });
    const raw = await axis.app.request(`${CONTROL}/packets/${damaged.body.senderId}/bytes`, { headers: { authorization: `Bearer ${axis.controlToken}` } });
    expect(await raw.text()).toBe('this is not XML');
  });

  it('takes the packet as bytes too (application/octet-stream, fields in the query), past intake and routing included', async () => {
    const binary = (query: string, bytes: Uint8Array) =>
      axis.app.request(`${CONTROL}/inject?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${axis.controlToken}`, 'content-type': 'application/octet-stream' },
        body: bytes,
      });
    const packet = edocBytes({ from: '000.00.00.G22' });
    const normal = await binary('as=000.00.00.G22&messageType=edoc', packet);
    expect(normal.status).toBe(200);
    const { senderId } = (await normal.json()) as { senderId: string };
    const raw = await axis.app.request(`${CONTROL}/packets/${senderId}/bytes`, { headers: { authorization: `Bearer ${axis.controlToken}` } });
    expect(new Uint8Array(await raw.arrayBuffer())).toEqual(new Uint8Array(packet));

    const garbage = new TextEncoder().encode('this is not XML');
    expect((await binary(`as=000.00.00.G22&to=${TAY_NINH.systemId}`, garbage)).status).toBe(400);
    expect((await binary(`as=000.00.00.G22&to=${NGHE_AN.systemId}&to=${TAY_NINH.systemId}&skipIntake=true`, garbage)).status).toBe(200);
    expect((await binary('messageType=edoc', packet)).status).toBe(400);
    expect((await binary('as=000.00.00.G22&skipIntake=yes', packet)).status).toBe(400);
    expect((await inProcessClient(axis, NGHE_AN).getReceivedEdocList()).data).toHaveLength(1);
  });

  it('queries the journal by agency, operation, run and id', async () => {
    const a = inProcessClient(axis, NGHE_AN);
    await a.countReceiveEdoc();
    // A run of Tây Ninh's system: from now on its calls, and calls naming it, carry the run's label.
    expect((await control(axis, '/reservations', { method: 'POST', body: { runId: 'r-1', sutCode: TAY_NINH.systemId, agencies: 2, numbers: 10 } })).status).toBe(201);
    await a.sendEdoc(edocBytes());
    await a.countReceiveEdoc();
    await inProcessClient(axis, TAY_NINH).countReceiveEdoc();
    const byRun = await control(axis, '/journal?run=r-1');
    expect(byRun.body.map((e: any) => e.operation)).toEqual(['sendEdoc', 'countReceiveEdoc']);
    const byAgency = await control(axis, `/journal?agency=${TAY_NINH.systemId}`);
    expect(byAgency.body.map((e: any) => e.operation)).toEqual(['sendEdoc', 'countReceiveEdoc']);
    const first = byRun.body[0];
    expect(first.bodyText).toContain('edXML');
    expect((await control(axis, `/journal/${first.id}`)).body.senderId).toBe(first.senderId);
    expect((await control(axis, `/journal?operation=sendEdoc&afterId=${first.id}`)).body).toEqual([]);
    expect((await control(axis, '/journal?since=yesterday')).body.error.code).toBe('CTL-JOURNAL-FILTER');
  });

  it('streams journal entries as server-sent events, backlog first, then live', async () => {
    const a = inProcessClient(axis, NGHE_AN);
    await a.countReceiveEdoc();
    const abort = new AbortController();
    const response = await axis.app.request(`${CONTROL}/journal/events?afterId=0&agency=${TAY_NINH.systemId}`, {
      headers: { authorization: `Bearer ${axis.controlToken}` },
      signal: abort.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextEvent = async (): Promise<any> => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data:'));
          if (data) return JSON.parse(data.slice(5));
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    };
    await a.sendEdoc(edocBytes());
    const event = await nextEvent();
    expect(event).toMatchObject({ operation: 'sendEdoc', caller: NGHE_AN.systemId });
    await inProcessClient(axis, TAY_NINH).getReceivedEdocList();
    expect((await nextEvent()).operation).toBe('getReceivedEdocList');
    abort.abort();
    await reader.cancel();
  });

  it('applies FAIL faults before storing, for the chosen operation, agency and next N calls (F-01)', async () => {
    const a = inProcessClient(axis, NGHE_AN);
    const b = inProcessClient(axis, TAY_NINH);
    const fault = await control(axis, '/faults', { method: 'POST', body: { kind: 'fail', operations: ['sendEdoc'], agencies: [NGHE_AN.systemId], count: 1 } });
    expect(fault.status).toBe(201);
    expect((await b.sendEdoc(edocBytes({ from: TAY_NINH.systemId, to: [NGHE_AN.systemId] }))).status).toBe('OK');
    const refused = await a.sendEdoc(edocBytes());
    expect(refused).toMatchObject({ status: 'FAIL', ErrorCode: '50', DocId: '' });
    expect(await axis.core.store.countDeliveries({ recipientSystem: TAY_NINH.systemId })).toBe(0);
    expect((await a.sendEdoc(edocBytes())).status).toBe('OK');
    expect((await control(axis, '/faults')).body).toEqual([]);
    const journal = await axis.core.store.queryJournal({ operation: 'sendEdoc', agency: NGHE_AN.systemId });
    expect(journal.map((e) => e.fault?.split(':')[0])).toEqual([undefined, 'fail', undefined]);
  });

  it('answers HTTP errors, honours time windows and validates fault specs', async () => {
    const a = inProcessClient(axis, NGHE_AN);
    await control(axis, '/faults', { method: 'POST', body: { kind: 'http', httpStatus: 503, operations: ['countReceiveEdoc'] } });
    const later = new Date(Date.now() + 3600_000).toISOString();
    await control(axis, '/faults', { method: 'POST', body: { kind: 'fail', operations: ['getReceivedEdocList'], from: later } });
    const response = await axis.app.request('/countReceiveEdoc', { method: 'POST', headers: signHeaders([['systemid', NGHE_AN.systemId]], NGHE_AN.secret), body: '{}' });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'FAIL', ErrorCode: '50' });
    expect((await a.getReceivedEdocList()).status).toBe('OK');
    expect((await control(axis, '/faults', { method: 'DELETE' })).status).toBe(204);
    expect((await a.countReceiveEdoc()).status).toBe('OK');
    expect((await control(axis, '/faults', { method: 'POST', body: { kind: 'explode' } })).body.error.code).toBe('CTL-FAULT-INVALID');
  });

  it('drops the connection of a real HTTP call and keeps serving (F-02)', async () => {
    const server = await startServer(axis.app, { host: '127.0.0.1', port: 0 });
    try {
      await control(axis, '/faults', { method: 'POST', body: { kind: 'drop', operations: ['getEdoc'], count: 1 } });
      const b = new AxisClient({ baseUrl: server.origin, ...TAY_NINH });
      await expect(b.getEdoc('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'AXIS-CLIENT-NETWORK' });
      expect((await b.getEdoc('00000000-0000-4000-8000-000000000000')).ErrorCode).toBe('30');
      const [dropped] = await axis.core.store.queryJournal({ operation: 'getEdoc' });
      expect(dropped).toMatchObject({ httpStatus: 0, outcome: { status: 'FAIL', errorCode: '50' } });
    } finally {
      await server.close();
    }
  });

  it('holds calls silent for a window, drops them, then recovers (F-04)', async () => {
    const server = await startServer(axis.app, { host: '127.0.0.1', port: 0 });
    try {
      const until = new Date(Date.now() + 300).toISOString();
      await control(axis, '/faults', { method: 'POST', body: { kind: 'silence', agencies: [TAY_NINH.systemId], until } });
      const b = new AxisClient({ baseUrl: server.origin, ...TAY_NINH });
      await expect(b.countReceiveEdoc()).rejects.toMatchObject({ code: 'AXIS-CLIENT-NETWORK' });
      expect((await b.countReceiveEdoc()).status).toBe('OK');
      const entries = await axis.core.store.queryJournal({ operation: 'countReceiveEdoc' });
      expect(entries.map((e) => e.fault?.split(':')[0])).toEqual(['silence', undefined]);
    } finally {
      await server.close();
    }
  });

  it('serves trust anchors and the CRL from the provider, and says when there is none', async () => {
    expect((await control(axis, '/trust')).body.error.code).toBe('CTL-PKI-NONE');
    const withPki = await testAxis({ trust: { trustAnchors: async () => ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'], crl: async () => '-----BEGIN X509 CRL-----\nBBBB\n-----END X509 CRL-----\n' } });
    const trust = await withPki.app.request(`${CONTROL}/trust`, { headers: { authorization: `Bearer ${withPki.controlToken}` } });
    expect(await trust.text()).toContain('BEGIN CERTIFICATE');
    const crl = await withPki.app.request(`${CONTROL}/crl`, { headers: { authorization: `Bearer ${withPki.controlToken}` } });
    expect(await crl.text()).toContain('BEGIN X509 CRL');
    await withPki.close();
  });
});

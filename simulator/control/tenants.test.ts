// Tenant isolation over real HTTP on the PostgreSQL store: tenant A's token cannot read or change
// anything of tenant B's through ANY control route. The route table is read from the app itself,
// so a new control route fails this test until its tenant rule is written down here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAxis, type Axis } from '../axis.ts';
import { AxisClient } from '../client/client.ts';
import { seedDirectory } from '../directory/seed.ts';
import { startServer, type RunningServer } from '../server.ts';
import { openPostgresStore } from '../store/sql/open.ts';
import { TEST_PG_URL, dropSchemas, randomSchema } from '../store/sql/test-support.ts';
import { edocBytes, NGHE_AN, sampleEdoc, statusBytes } from '../testing/fixtures.ts';
import { buildPacket } from '../../edxml/build.ts';

const OPERATOR = 'operator-token-for-tenant-tests';
const A_SYS = '000.01.01.G99';
const B_SYS = '000.02.01.G99';
const B_AGENCY = '000.02.09.G99';

interface Reply {
  status: number;
  text: string;
  json: any;
}

describe('tenants on a shared sandbox (real HTTP, PostgreSQL)', () => {
  const schema = randomSchema();
  let axis: Axis;
  let server: RunningServer;
  let control: string;
  const tokens: Record<'a' | 'b', string> = { a: '', b: '' };
  const secrets: Record<'a' | 'b', string> = { a: '', b: '' };
  // B's things A must not reach.
  const b = { packet: '', bytesPacket: '', delivery: '', journalId: 0, fault: '', journalIds: [] as number[] };
  const a = { packet: '', journalIds: [] as number[] };

  async function call(token: string | undefined, method: string, path: string, body?: unknown): Promise<Reply> {
    const response = await fetch(`${control}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  }
  const asA = (method: string, path: string, body?: unknown) => call(tokens.a, method, path, body);
  const asB = (method: string, path: string, body?: unknown) => call(tokens.b, method, path, body);
  const asOperator = (method: string, path: string, body?: unknown) => call(OPERATOR, method, path, body);
  const client = (systemId: string, secret: string) => new AxisClient({ baseUrl: server.origin, systemId, secret });

  beforeAll(async () => {
    const store = await openPostgresStore(TEST_PG_URL, { schema });
    axis = await createAxis({
      store,
      controlToken: OPERATOR,
      directory: await seedDirectory(),
      systems: [NGHE_AN],
      trust: { trustAnchors: async () => ['-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----'], crl: async () => undefined },
    });
    server = await startServer(axis.app, { host: '127.0.0.1', port: 0 });
    control = `${server.origin}${axis.controlPrefix}`;

    for (const t of ['a', 'b'] as const) {
      const created = await asOperator('POST', '/tenants', { id: `vendor-${t}`, name: `Công ty ${t.toUpperCase()}`, kind: 'vendor' });
      expect(created.status).toBe(201);
      tokens[t] = created.json.token;
    }
    const sysA = await asA('POST', '/systems', { systemId: A_SYS });
    const sysB = await asB('POST', '/systems', { systemId: B_SYS });
    expect([sysA.status, sysB.status]).toEqual([201, 201]);
    secrets.a = sysA.json.secret;
    secrets.b = sysB.json.secret;
    expect((await asB('PUT', `/directory/${B_AGENCY}`, { name: 'Đơn vị của B', code102: B_AGENCY })).status).toBe(200);

    // The axis itself is the real protocol: A's system sends to B's, B receives, acknowledges and answers.
    const doc = sampleEdoc({ from: { organId: A_SYS, organName: 'A' }, to: [{ organId: B_SYS, organName: 'B' }] });
    const sent = await client(A_SYS, secrets.a).sendEdoc(buildPacket(doc));
    expect(sent.status).toBe('OK');
    a.packet = sent.DocId;
    const bClient = client(B_SYS, secrets.b);
    const inbox = await bClient.getReceivedEdocList();
    expect(inbox.data.map((d) => d.from)).toContain(A_SYS);
    const got = await bClient.getEdoc(inbox.data[0].docId);
    expect(got.status).toBe('OK');
    expect((await bClient.updateStatus(inbox.data[0].docId, 'done')).status).toBe('OK');
    expect((await bClient.sendEdoc(statusBytes(doc, B_SYS, '01'), { messagetype: 'status' })).status).toBe('OK');

    // B's own traffic with the operator's system, which A must never see.
    expect((await asB('POST', '/reservations', { runId: 'run-of-b', sutCode: B_SYS, agencies: 2, numbers: 10 })).status).toBe(201);
    const bSent = await bClient.sendEdoc(edocBytes({ from: { organId: B_SYS, organName: 'B' }, to: [{ organId: NGHE_AN.systemId, organName: 'Nghệ An' }] }));
    expect(bSent.status).toBe('OK');
    b.packet = bSent.DocId;
    const injected = await asB('POST', '/inject', {
      as: B_AGENCY,
      packet: Buffer.from(edocBytes({ from: { organId: B_AGENCY, organName: 'B' }, to: [{ organId: B_SYS, organName: 'B' }] })).toString('base64'),
    });
    expect(injected.status).toBe(200);
    b.bytesPacket = injected.json.senderId;
    b.delivery = injected.json.deliveries[0].receiverId;
    b.journalId = injected.json.journalId;
    const fault = await asB('POST', '/faults', { kind: 'delay', delayMs: 1, agencies: [B_SYS], operations: ['countReceiveEdoc'] });
    expect(fault.status).toBe(201);
    b.fault = fault.json.id;
    const recorded = { sutCode: B_SYS, profile: 'core', status: 'finished', verdict: 'conformant', started: new Date().toISOString(), data: { secretOfB: 'b-run-data' } };
    expect((await asB('PUT', '/runs/run-of-b-1', recorded)).status).toBe(200);
    b.journalIds = (await asB('GET', '/journal')).json.map((e: { id: number }) => e.id);
    a.journalIds = (await asA('GET', '/journal')).json.map((e: { id: number }) => e.id);
    expect(b.journalIds.length).toBeGreaterThan(3);
    expect(a.journalIds.length).toBeGreaterThan(0);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await axis?.close();
    await dropSchemas([schema]);
  });

  const noneOfB = (reply: Reply) => {
    expect(reply.text).not.toContain(secrets.b);
    expect(reply.text).not.toContain(b.packet);
    expect(reply.text).not.toContain(b.bytesPacket);
  };

  /** What A's token may do on each control route, proven against B's data. */
  const RULES: Record<string, () => Promise<void>> = {
    'GET /whoami': async () => expect((await asA('GET', '/whoami')).json).toEqual({ kind: 'tenant', tenant: 'vendor-a' }),
    'GET /tenants': async () => expect((await asA('GET', '/tenants')).status).toBe(403),
    'POST /tenants': async () => expect((await asA('POST', '/tenants', { id: 'sneaky', name: 'x' })).status).toBe(403),
    'GET /tenants/:id': async () => expect((await asA('GET', '/tenants/vendor-b')).status).toBe(403),
    'POST /tenants/:id/token': async () => {
      expect((await asA('POST', '/tenants/vendor-b/token')).status).toBe(403);
      expect((await asB('GET', '/whoami')).status).toBe(200);
    },
    'DELETE /tenants/:id': async () => {
      expect((await asA('DELETE', '/tenants/vendor-b')).status).toBe(403);
      expect((await asOperator('GET', '/tenants/vendor-b')).status).toBe(200);
    },
    'GET /systems': async () => {
      const reply = await asA('GET', '/systems');
      expect(reply.json.map((s: { systemId: string }) => s.systemId)).toEqual([A_SYS]);
      noneOfB(reply);
      expect(reply.text).not.toContain(NGHE_AN.secret);
    },
    'POST /systems': async () => {
      expect((await asA('POST', '/systems', { systemId: B_SYS, secret: 'taken-over' })).status).toBe(409);
      expect((await asA('POST', '/systems', { systemId: NGHE_AN.systemId })).status).toBe(409);
      expect((await client(B_SYS, secrets.b).countReceiveEdoc()).status).toBe('OK');
    },
    'DELETE /systems/:systemId': async () => {
      expect((await asA('DELETE', `/systems/${B_SYS}`)).status).toBe(404);
      expect((await client(B_SYS, secrets.b).countReceiveEdoc()).status).toBe('OK');
    },
    'GET /directory': async () => expect((await asA('GET', '/directory')).status).toBe(200),
    'PUT /directory/:code': async () => {
      expect((await asA('PUT', `/directory/${B_AGENCY}`, { name: 'Chiếm' })).status).toBe(403);
      expect((await asA('PUT', '/directory/000.00.00.H41', { name: 'Chiếm' })).status).toBe(403);
      expect((await asA('PUT', '/directory/000.01.09.G99', { name: 'Của A', registeredBy: B_SYS })).status).toBe(403);
      expect((await axis.core.store.findAgency(B_AGENCY))?.name).toBe('Đơn vị của B');
    },
    'DELETE /directory/:code': async () => {
      expect((await asA('DELETE', `/directory/${B_AGENCY}`)).status).toBe(403);
      expect((await axis.core.store.findAgency(B_AGENCY))?.deleted).toBe(false);
    },
    'POST /inject': async () => {
      const packet = Buffer.from(edocBytes({ from: { organId: B_SYS, organName: 'B' }, to: [{ organId: A_SYS, organName: 'A' }] })).toString('base64');
      expect((await asA('POST', '/inject', { as: B_SYS, packet })).status).toBe(403);
      expect((await asA('POST', '/inject', { as: B_AGENCY, packet })).status).toBe(403);
    },
    'GET /packets': async () => {
      const reply = await asA('GET', '/packets');
      expect(reply.json.map((p: { senderId: string }) => p.senderId)).toContain(a.packet);
      noneOfB(reply);
    },
    'GET /packets/:senderId': async () => {
      expect((await asA('GET', `/packets/${b.packet}`)).status).toBe(404);
      expect((await asA('GET', `/packets/${b.bytesPacket}`)).status).toBe(404);
      expect((await asA('GET', `/packets/${a.packet}`)).status).toBe(200);
    },
    'GET /packets/:senderId/bytes': async () => {
      expect((await asA('GET', `/packets/${b.packet}/bytes`)).status).toBe(404);
      expect((await asA('GET', `/packets/${a.packet}/bytes`)).status).toBe(200);
    },
    'GET /deliveries': async () => {
      const reply = await asA('GET', '/deliveries');
      expect(reply.json.length).toBeGreaterThan(0);
      expect(reply.text).not.toContain(b.delivery);
      noneOfB(reply);
    },
    'GET /deliveries/:receiverId': async () => expect((await asA('GET', `/deliveries/${b.delivery}`)).status).toBe(404),
    'GET /journal': async () => {
      const ids = (await asA('GET', '/journal?afterId=0')).json.map((e: { id: number }) => e.id);
      expect(ids.filter((id: number) => b.journalIds.includes(id))).toEqual([]);
      const byAgency = await asA('GET', `/journal?agency=${B_SYS}`);
      expect(byAgency.json.filter((e: { id: number }) => b.journalIds.includes(e.id))).toEqual([]);
      expect((await asA('GET', '/journal?run=run-of-b')).json).toEqual([]);
    },
    'GET /journal/events': async () => {
      // The backlog and the live feed both: B acts after A subscribed, then A acts; A's stream must
      // reach A's new entry without having carried any of B's.
      const abort = new AbortController();
      const response = await fetch(`${control}/journal/events?afterId=0`, { headers: { authorization: `Bearer ${tokens.a}` }, signal: abort.signal });
      expect(response.status).toBe(200);
      await client(B_SYS, secrets.b).countReceiveEdoc();
      const mine = await client(A_SYS, secrets.a).countReceiveEdoc();
      expect(mine.status).toBe('OK');
      const lastOfA = (await asA('GET', '/journal')).json.at(-1).id as number;
      const seen: { id: number; tenant?: string }[] = [];
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      while (!seen.some((e) => e.id === lastOfA)) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        for (const line of buffer.split('\n')) if (line.startsWith('data:')) seen.push(JSON.parse(line.slice(5)));
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
        if (seen.length) seen.splice(0, seen.length, ...new Map(seen.map((e) => [e.id, e])).values());
      }
      abort.abort();
      expect(seen.map((e) => e.id)).toContain(lastOfA);
      expect(seen.filter((e) => e.tenant !== 'vendor-a')).toEqual([]);
    },
    'GET /journal/loss': async () => {
      const loss = await asA('GET', '/journal/loss?run=run-of-b');
      expect(loss.json).toEqual({ run: 'run-of-b', lost: 0 });
    },
    'GET /journal/:id': async () => {
      expect((await asA('GET', `/journal/${b.journalId}`)).status).toBe(404);
      expect((await asA('GET', `/journal/${a.journalIds[0]}`)).status).toBe(200);
    },
    'GET /faults': async () => expect((await asA('GET', '/faults')).text).not.toContain(b.fault),
    'POST /faults': async () => {
      expect((await asA('POST', '/faults', { kind: 'fail', agencies: [B_SYS] })).status).toBe(403);
      expect((await asA('POST', '/faults', { kind: 'fail' })).status).toBe(403);
      const own = await asA('POST', '/faults', { kind: 'delay', delayMs: 1, agencies: [A_SYS], operations: ['getSentEdocList'] });
      expect(own.status).toBe(201);
      expect((await asA('DELETE', `/faults/${own.json.id}`)).status).toBe(204);
    },
    'DELETE /faults': async () => {
      expect((await asA('DELETE', '/faults')).status).toBe(204);
      expect((await asB('GET', '/faults')).text).toContain(b.fault);
    },
    'DELETE /faults/:id': async () => {
      expect((await asA('DELETE', `/faults/${b.fault}`)).status).toBe(404);
      expect((await asB('GET', '/faults')).text).toContain(b.fault);
    },
    // The control API's own description: the same document for everyone, with no data in it.
    'GET /openapi.json': async () => {
      const reply = await asA('GET', '/openapi.json');
      expect(reply.status).toBe(200);
      expect(reply.json.openapi).toMatch(/^3\.1/);
      noneOfB(reply);
    },
    'GET /trust': async () => expect((await asA('GET', '/trust')).status).toBe(200),
    'GET /crl': async () => expect((await asA('GET', '/crl')).status).toBe(404),
    'GET /runs': async () => {
      expect((await asA('GET', '/runs')).json).toEqual([]);
      expect((await asOperator('GET', '/runs')).text).toContain('run-of-b-1');
    },
    'GET /runs/:id': async () => {
      expect((await asA('GET', '/runs/run-of-b-1')).status).toBe(404);
      expect((await asB('GET', '/runs/run-of-b-1')).text).toContain('b-run-data');
    },
    'PUT /runs/:id': async () => {
      const over = { sutCode: A_SYS, profile: 'core', status: 'running', started: new Date().toISOString(), data: {} };
      expect((await asA('PUT', '/runs/run-of-b-1', over)).status).toBe(409);
      expect((await asB('GET', '/runs/run-of-b-1')).text).toContain('b-run-data');
      expect((await asA('PUT', '/runs/run-of-a-1', over)).status).toBe(200);
      expect((await asB('GET', '/runs')).text).not.toContain('run-of-a-1');
    },
    'GET /reservations': async () => {
      expect((await asA('GET', '/reservations')).json).toEqual([]);
      expect((await asB('GET', '/reservations')).json.map((r: { runId: string }) => r.runId)).toEqual(['run-of-b']);
    },
    'POST /reservations': async () => {
      expect((await asA('POST', '/reservations', { runId: 'a-on-b', sutCode: B_SYS, agencies: 1, numbers: 1 })).status).toBe(403);
      const own = await asA('POST', '/reservations', { runId: 'run-of-a', sutCode: A_SYS, agencies: 1, numbers: 1 });
      expect(own.status).toBe(201);
      // A's run labels A's calls; B's calls keep B's run.
      await client(B_SYS, secrets.b).countReceiveEdoc();
      expect((await asB('GET', '/journal')).json.at(-1).run).toBe('run-of-b');
      expect((await asA('DELETE', '/reservations/run-of-a')).status).toBe(200);
    },
    'GET /reservations/:id': async () => expect((await asA('GET', '/reservations/run-of-b')).status).toBe(404),
    'POST /reservations/:id/alive': async () => expect((await asA('POST', '/reservations/run-of-b/alive')).status).toBe(404),
    'DELETE /reservations/:id': async () => {
      expect((await asA('DELETE', '/reservations/run-of-b')).status).toBe(404);
      expect((await asB('GET', '/reservations/run-of-b')).json.ended).toBeUndefined();
    },
  };

  it('has a tenant rule for every control route', () => {
    const routes = new Set(
      axis.app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith(axis.controlPrefix))
        .map((r) => `${r.method} ${r.path.slice(axis.controlPrefix.length)}`),
    );
    expect([...routes].sort()).toEqual(Object.keys(RULES).sort());
  });

  for (const [route, rule] of Object.entries(RULES)) it(`tenant A cannot reach tenant B's data: ${route}`, rule, 30_000);

  it('refuses a missing, unknown or forged token', async () => {
    expect((await call(undefined, 'GET', '/journal')).status).toBe(401);
    expect((await call(`vendor-b.${'x'.repeat(32)}`, 'GET', '/journal')).status).toBe(401);
    expect((await call(`${tokens.b}x`, 'GET', '/journal')).status).toBe(401);
    expect((await call('nobody.abc', 'GET', '/journal')).status).toBe(401);
  });

  it('lets the operator see everything and retire a tenant, whose token then stops working', async () => {
    const ids = (await asOperator('GET', '/journal')).json.map((e: { id: number }) => e.id);
    for (const id of [...a.journalIds, ...b.journalIds]) expect(ids).toContain(id);
    const rotated = await asOperator('POST', '/tenants/vendor-b/token');
    expect(rotated.status).toBe(200);
    expect((await asB('GET', '/whoami')).status).toBe(401);
    expect((await call(rotated.json.token, 'GET', '/whoami')).json).toEqual({ kind: 'tenant', tenant: 'vendor-b' });
    expect((await asOperator('GET', '/tenants')).text).not.toContain('tokenSha256');
  });
});

// Regression suite for the attacks of a shared sandbox (docs/axis.md, "Hardening"): each test sends
// the attack as real HTTP requests to an axis on 127.0.0.1 and checks the stable refusal, and that
// the evidence (journal) holds one entry per exchange.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxisClient } from '../client/client.ts';
import { shortHashFile } from '../protocol/signing.ts';
import { createMemoryStore } from '../store/memory.ts';
import type { Store } from '../store/types.ts';
import { NGHE_AN, TAY_NINH, edocBytes } from '../testing/fixtures.ts';
import { CONTROL_TOKEN, SAAS, control, journalCount, liveAxis, rawCall, type LiveAxis } from './support.ts';

const client = (live: LiveAxis, system: { systemId: string; secret: string }) => new AxisClient({ baseUrl: live.origin, ...system });

describe('impersonation through registerAgency and From', () => {
  let live: LiveAxis;
  beforeAll(async () => {
    live = await liveAxis(createMemoryStore(), { allowIds: ['00.22.W00'] });
  });
  afterAll(() => live.stop());

  it.each([
    ['another connected system\'s id', 'vxp.saas.02', 'connected-system'],
    ['another connected province', TAY_NINH.systemId, 'connected-system'],
    ['an allow-listed test id', '00.22.W00', 'allow-listed'],
    ['a unit of another province', '000.00.07.H53', 'not-a-unit'],
    ['a code outside any hierarchy (not yet connected)', 'vxp.saas.99', 'not-a-unit'],
    ['another province\'s own code, not connected', '000.00.00.H14', 'not-a-unit'],
  ])('refuses claiming %s (41, %s)', async (_what, code, reason) => {
    const reply = await client(live, NGHE_AN).registerAgency({ pcode: '', code, name: 'Giả mạo' });
    expect(reply).toMatchObject({ status: 'FAIL', ErrorCode: '41' });
    expect(reply.ErrorDesc).toContain(reason);
  });

  it('lets a system register its own units, and refuses a code another system registered', async () => {
    expect((await client(live, NGHE_AN).registerAgency({ pcode: '', code: '000.00.31.H41', name: 'Sở của Nghệ An' })).status).toBe('OK');
    // The SaaS relay cannot take it over, even after the owner deletes it.
    const taken = await client(live, SAAS).registerAgency({ pcode: '', code: '000.00.31.H41', name: 'Chiếm' });
    expect(taken).toMatchObject({ status: 'FAIL', ErrorCode: '41' });
  });

  it('refuses a send whose From is another connected system (22) and delivers nothing', async () => {
    const bytes = edocBytes({ from: { organId: 'vxp.saas.02', organName: 'SaaS' } });
    const reply = await client(live, NGHE_AN).sendEdoc(bytes);
    expect(reply).toMatchObject({ status: 'FAIL', ErrorCode: '22', DocId: '' });
    expect((await client(live, TAY_NINH).getReceivedEdocList()).data).toEqual([]);
  });

  it('accepts a send from a unit the caller registered', async () => {
    const bytes = edocBytes({ from: { organId: '000.00.31.H41', organName: 'Sở của Nghệ An' } });
    expect((await client(live, NGHE_AN).sendEdoc(bytes)).status).toBe('OK');
  });

  it('never treats an older registration of a connected system\'s id as the registrant\'s unit', async () => {
    // A store written before the fix: H41 "registered" vxp.saas.02.
    await live.axis.core.store.putAgency({ id: 'old', code: 'vxp.saas.02', name: 'x', version: 999, deleted: false, registeredBy: NGHE_AN.systemId });
    const reply = await client(live, NGHE_AN).sendEdoc(edocBytes({ from: { organId: 'vxp.saas.02', organName: 'SaaS' } }));
    expect(reply.ErrorCode).toBe('22');
  });
});

describe('the control token', () => {
  it('createAxis refuses an empty token', async () => {
    const { createAxis } = await import('../axis.ts');
    await expect(createAxis({ controlToken: '' })).rejects.toMatchObject({ code: 'AXIS-CONTROL-TOKEN' });
    await expect(createAxis({ controlToken: '   ' })).rejects.toMatchObject({ code: 'AXIS-CONTROL-TOKEN' });
  });

  it('the control API answers 401 without the token, never the secrets', async () => {
    const live = await liveAxis(createMemoryStore());
    try {
      const response = await control(live, '/systems', { token: '' });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain(NGHE_AN.secret);
    } finally {
      await live.stop();
    }
  });
});

describe('control API query parameters', () => {
  let live: LiveAxis;
  beforeAll(async () => {
    live = await liveAxis(createMemoryStore());
  });
  afterAll(() => live.stop());

  it.each([
    ['/journal?limit=99999999999999999999', 'CTL-JOURNAL-FILTER'],
    ['/journal?afterId=99999999999999999999', 'CTL-JOURNAL-FILTER'],
    ['/journal?since=275760-09-13T00:00:00Z', 'CTL-JOURNAL-FILTER'],
    ['/journal?since=yesterday', 'CTL-JOURNAL-FILTER'],
    ['/journal?limit=0', 'CTL-JOURNAL-FILTER'],
    ['/packets?limit=-1', 'CTL-QUERY-INVALID'],
    ['/packets?limit=abc', 'CTL-QUERY-INVALID'],
    ['/packets?kind=bogus', 'CTL-QUERY-INVALID'],
    ['/deliveries?state=initial,bogus', 'CTL-QUERY-INVALID'],
    ['/deliveries?messageType=x', 'CTL-QUERY-INVALID'],
    ['/packets?from=a%00b', 'CTL-INPUT-UNSTORABLE'],
  ])('%s → 400 %s', async (path, code) => {
    const response = await control(live, path);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('refuses a NUL or lone surrogate in a run id, which keeps the journal working', async () => {
    for (const runId of ['a\u0000b', 'x\ud800']) {
      const response = await control(live, '/reservations', { method: 'POST', body: { runId, sutCode: NGHE_AN.systemId, agencies: 0, numbers: 0 } });
      expect(response.status).toBe(400);
      expect(['CTL-INPUT-UNSTORABLE', 'CTL-RESERVATION-INVALID']).toContain(((await response.json()) as { error: { code: string } }).error.code);
    }
    expect((await control(live, '/reservations', { method: 'POST', body: { runId: 'r'.repeat(201), sutCode: NGHE_AN.systemId, agencies: 0, numbers: 0 } })).status).toBe(400);
    expect((await client(live, NGHE_AN).getAgenciesList()).status).toBe('OK');
  });
});

describe('the journal fails closed', () => {
  it('answers 98 and counts the loss when the store refuses an entry, and the run knows', async () => {
    const memory = createMemoryStore();
    let refuse = false;
    const store: Store = new Proxy(memory, {
      get(target, name, receiver) {
        if (name === 'appendJournal') return (...args: Parameters<Store['appendJournal']>) => (refuse ? Promise.reject(new Error('disk full (secret db text)')) : target.appendJournal(...args));
        const value = Reflect.get(target, name, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const live = await liveAxis(store);
    try {
      await control(live, '/reservations', { method: 'POST', body: { runId: 'run-1', sutCode: NGHE_AN.systemId, agencies: 0, numbers: 0 } });
      refuse = true;
      const reply = await rawCall(live, { operation: 'getAgenciesList', ...NGHE_AN });
      expect(reply.httpStatus).toBe(503);
      expect(reply.json).toMatchObject({ status: 'FAIL', ErrorCode: '98' });
      expect(reply.text).not.toContain('disk full');
      refuse = false;
      const loss = (await (await control(live, '/journal/loss?run=run-1')).json()) as { total: number; lost: number };
      expect(loss).toEqual({ total: 1, run: 'run-1', lost: 1 });
    } finally {
      await live.stop();
    }
  });
});

describe('oversized recipient lists and packets', () => {
  let live: LiveAxis;
  beforeAll(async () => {
    live = await liveAxis(createMemoryStore());
  });
  afterAll(() => live.stop());

  const manyRecipients = (n: number) => edocBytes({ to: Array.from({ length: n }, () => ({ organId: TAY_NINH.systemId, organName: 'Tây Ninh' })) });

  it('refuses 20,000 <To> (28) before validating or routing, and stays responsive', async () => {
    const reply = await client(live, NGHE_AN).sendEdoc(manyRecipients(20_000));
    expect(reply).toMatchObject({ status: 'FAIL', ErrorCode: '28', DocId: '' });
    expect((await client(live, TAY_NINH).getReceivedEdocList()).data).toEqual([]);
  });

  it('refuses 1,001 recipients (28) and accepts 1,000', async () => {
    expect((await client(live, NGHE_AN).sendEdoc(manyRecipients(1_001))).ErrorCode).toBe('28');
    expect((await client(live, NGHE_AN).sendEdoc(manyRecipients(1_000))).status).toBe('OK');
  });

  it('refuses nesting deeper than the reader allows as a malformed packet (20)', async () => {
    const deep = `<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">${'<a>'.repeat(300)}${'</a>'.repeat(300)}</edXML>`;
    const bytes = new TextEncoder().encode(deep);
    const reply = await rawCall(live, { operation: 'sendEdoc', ...NGHE_AN, logical: { messagetype: 'edoc', 'hash-file': shortHashFile(bytes) }, body: bytes, contentType: 'application/octet-stream' });
    expect(reply.json).toMatchObject({ ErrorCode: '20' });
  });
});

describe('secrets are redacted everywhere in the journal', () => {
  it('in unknown-operation paths, outcomes and findings', async () => {
    const live = await liveAxis(createMemoryStore());
    try {
      const secret = NGHE_AN.secret;
      await rawCall(live, { operation: `leak-${secret}`, ...NGHE_AN });
      await client(live, NGHE_AN).sendEdoc(edocBytes(), { to: `["${secret}"]` });
      const entries = await live.axis.core.store.queryJournal({});
      expect(entries.length).toBe(2);
      expect(JSON.stringify(entries.map(({ bodyExcerpt: _b, ...rest }) => rest))).not.toContain(secret);
      expect(entries[0].path).toContain('[redacted]');
      expect(entries.every((e) => e.secretSeen)).toBe(true);
    } finally {
      await live.stop();
    }
  });
});

describe('evidence count', () => {
  it('one journal entry per exchange in this file\'s own traffic', async () => {
    const live = await liveAxis(createMemoryStore());
    try {
      await rawCall(live, { operation: 'getAgenciesList', ...NGHE_AN });
      await rawCall(live, { operation: 'nope', ...NGHE_AN });
      await rawCall(live, { operation: 'getAgenciesList', systemId: NGHE_AN.systemId, signedSystemId: 'x\u0000', secret: 'x' });
      expect(await journalCount(live)).toBe(live.sent);
      expect(CONTROL_TOKEN.length).toBeGreaterThanOrEqual(16);
    } finally {
      await live.stop();
    }
  });
});

describe('replay and reuse (one-use policy)', () => {
  it('accepts a signed-header set once, refuses it again and on another operation (6), and stale timestamps (5)', async () => {
    const live = await liveAxis(createMemoryStore(), { timestampWindowSeconds: 300, oneUseSignedHeaders: true });
    try {
      const call = { operation: 'getAgenciesList', ...NGHE_AN, timestamp: '02122026T000000+0000' };
      const fresh = { ...call, timestamp: undefined };
      expect((await rawCall(live, call)).json?.ErrorCode).toBe('5');
      const stamp = (await import('../protocol/time.ts')).formatSdkTimestamp(new Date());
      expect((await rawCall(live, { ...fresh, timestamp: stamp })).json?.ErrorCode).toBe('0');
      expect((await rawCall(live, { ...fresh, timestamp: stamp })).json?.ErrorCode).toBe('6');
      const other = await rawCall(live, { ...fresh, operation: 'registerAgency', timestamp: stamp, body: '{}' });
      expect(other.json).toMatchObject({ ErrorCode: '6' });
      expect(String(other.json?.ErrorDesc)).toContain('getAgenciesList');
    } finally {
      await live.stop();
    }
  });

  it('is off by default (the Java SDK resends identical headers from a long-lived service object)', async () => {
    const live = await liveAxis(createMemoryStore());
    try {
      const stamp = (await import('../protocol/time.ts')).formatSdkTimestamp(new Date(0));
      const call = { operation: 'getAgenciesList', ...NGHE_AN, timestamp: stamp };
      expect((await rawCall(live, call)).json?.ErrorCode).toBe('0');
      expect((await rawCall(live, call)).json?.ErrorCode).toBe('0');
    } finally {
      await live.stop();
    }
  });
});

// The envelope and authentication rules: every failure is the JSON envelope, never a stack trace.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Axis } from './axis.ts';
import { signHeaders } from './client/sign.ts';
import { AXIS_ERRORS } from './errors.ts';
import { createMemoryStore } from './store/memory.ts';
import { NGHE_AN, TAY_NINH, edocBytes, inProcessClient, testAxis } from './testing/fixtures.ts';

const signed = (extra: [string, string][] = [], system = NGHE_AN) => signHeaders([['systemid', system.systemId], ...extra], system.secret);

async function call(axis: Axis, path: string, init: RequestInit) {
  const response = await axis.app.request(path, init);
  return { http: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('envelope and authentication', () => {
  let axis: Axis;
  beforeEach(async () => {
    axis = await testAxis({ maxBody: 4096 });
  });
  afterEach(() => axis.close());

  it('answers unknown operations and wrong methods with the envelope, and journals them', async () => {
    expect(await call(axis, '/getEverything', { method: 'POST', headers: signed() })).toEqual({
      http: 404,
      json: { status: 'FAIL', ErrorCode: '11', ErrorDesc: 'Khong co chuc nang nay: getEverything' },
    });
    const wrong = await call(axis, '/sendEdoc', { method: 'GET', headers: signed() });
    expect(wrong).toMatchObject({ http: 405, json: { status: 'FAIL', ErrorCode: '12', DocId: '' } });
    const ops = (await axis.core.store.queryJournal({})).map((e) => [e.operation, e.outcome.errorCode]);
    expect(ops).toEqual([
      ['unknown', '11'],
      ['sendEdoc', '12'],
    ]);
  });

  it('refuses an oversized body with 413 and the envelope', async () => {
    const body = new Uint8Array(5000);
    const reply = await call(axis, '/sendEdoc', { method: 'POST', headers: signed([['messagetype', 'edoc']]), body });
    expect(reply).toMatchObject({ http: 413, json: { status: 'FAIL', ErrorCode: '13', DocId: '' } });
    const declared = await call(axis, '/sendEdoc', { method: 'POST', headers: { ...signed([['messagetype', 'edoc']]), 'content-length': '5000' }, body });
    expect(declared).toMatchObject({ http: 413, json: { status: 'FAIL', ErrorCode: '13' } });
  });

  it('answers unreadable JSON with 400 and the envelope', async () => {
    const reply = await call(axis, '/registerAgency', { method: 'POST', headers: signed(), body: '{"code":' });
    expect(reply).toMatchObject({ http: 400, json: { status: 'FAIL', ErrorCode: '10' } });
  });

  it('distinguishes missing credentials, bad HMAC, unknown systems and disagreeing headers', async () => {
    const codeOf = async (headers: Record<string, string>) => (await call(axis, '/countReceiveEdoc', { method: 'POST', headers, body: '{}' })).json.ErrorCode;
    expect(await codeOf({})).toBe(AXIS_ERRORS.AUTH_MISSING.code);
    expect(await codeOf({ ...signed(), 'XroadVnpt-sign-header': '[1,2]' })).toBe(AXIS_ERRORS.AUTH_MISSING.code);
    expect(await codeOf(signHeaders([['systemid', NGHE_AN.systemId]], 'wrong secret'))).toBe(AXIS_ERRORS.AUTH_BAD_SIGNATURE.code);
    expect(await codeOf(signHeaders([['systemid', 'vxp.unknown']], 'x'))).toBe(AXIS_ERRORS.UNKNOWN_SYSTEM.code);
    expect(await codeOf({ ...signed([['messagetype', 'edoc']]), 'XroadVnpt-messagetype': 'status' })).toBe(AXIS_ERRORS.HEADER_MISMATCH.code);
    expect(await codeOf({ ...signed(), 'XroadVnpt-systemid': TAY_NINH.systemId })).toBe(AXIS_ERRORS.HEADER_MISMATCH.code);
    // Unsigned XroadVnpt headers carried over from earlier calls are ignored.
    expect(await codeOf({ ...signed(), 'XroadVnpt-hash-file': 'stale' })).toBe('0');
  });

  it('checks timestamp freshness only when a window is configured', async () => {
    const stale = { now: () => new Date('2020-01-01T00:00:00Z') };
    expect((await inProcessClient(axis, NGHE_AN, stale).countReceiveEdoc()).status).toBe('OK');
    const fresh = await testAxis({ timestampWindowSeconds: 300 });
    expect((await inProcessClient(fresh, NGHE_AN, stale).countReceiveEdoc()).ErrorCode).toBe(AXIS_ERRORS.TIMESTAMP_STALE.code);
    expect((await inProcessClient(fresh, NGHE_AN).countReceiveEdoc()).status).toBe('OK');
    await fresh.close();
  });

  it('flags a secret that appears in the request (T-05), then redacts it from the journal', async () => {
    const headers = signed([['secret', NGHE_AN.secret]]);
    await call(axis, '/countReceiveEdoc', { method: 'POST', headers, body: `{"key":"${NGHE_AN.secret}"}` });
    await inProcessClient(axis, NGHE_AN).countReceiveEdoc();
    const [leaky, clean] = await axis.core.store.queryJournal({ operation: 'countReceiveEdoc' });
    expect(leaky.secretSeen).toBe(true);
    expect(leaky.headers.secret).toBe('[redacted]');
    expect(Buffer.from(leaky.bodyExcerpt ?? []).toString()).not.toContain(NGHE_AN.secret);
    expect(JSON.stringify(leaky)).not.toContain(NGHE_AN.secret);
    expect(clean.secretSeen).toBe(false);
  });

  it('turns a store failure into the INTERNAL envelope, not a crash', async () => {
    const store = createMemoryStore();
    const broken = await testAxis({ store });
    store.countDeliveries = async () => {
      throw new Error('disk on fire');
    };
    const reply = await inProcessClient(broken, NGHE_AN).countReceiveEdoc();
    expect(reply).toMatchObject({ status: 'FAIL', ErrorCode: '99' });
    const [entry] = await store.queryJournal({ operation: 'countReceiveEdoc' });
    expect(entry.outcome.errorCode).toBe('99');
    await broken.close();
  });

  it('keeps ErrorDesc ASCII even when details carry Vietnamese', async () => {
    const reply = await inProcessClient(axis, NGHE_AN).sendEdoc(edocBytes({ to: ['Sở.Không.Có'] }));
    expect(reply.ErrorCode).toBe('24');
    expect(reply.ErrorDesc).toMatch(/^[\x20-\x7e]*$/);
    expect(reply.ErrorDesc).toContain('So.Khong.Co');
  });
});

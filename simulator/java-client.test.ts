// Proof: the exact request shapes of VNPT's Java SDK, replayed over real HTTP (signed headers in
// HashMap order, Expect: 100-continue, raw body + CRLF, short hash-file, docid casing, headers
// carried over from earlier calls), and the exact reply shapes it needs.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Axis } from './axis.ts';
import { AxisClient } from './client/client.ts';
import { javaHashMapOrder } from './client/java-order.ts';
import { signHeaders } from './client/sign.ts';
import { shortHashFile } from './protocol/signing.ts';
import { formatSdkTimestamp } from './protocol/time.ts';
import { startServer, type RunningServer } from './server.ts';
import { NGHE_AN, TAY_NINH, edocBytes, testAxis } from './testing/fixtures.ts';

interface RawReply {
  status: number;
  continued: boolean;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request the way HttpURLConnection sends it: headers first, body only after 100 Continue. */
function javaRequest(origin: string, path: string, headers: Record<string, string>, body: Buffer | undefined, method = 'POST'): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, origin);
    const expectContinue = body !== undefined;
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method, headers: { ...headers, ...(expectContinue ? { Expect: '100-continue', 'Content-Length': String(body.length) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, continued, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    let continued = false;
    req.on('error', reject);
    if (expectContinue) {
      req.on('continue', () => {
        continued = true;
        req.end(body);
      });
    } else req.end();
  });
}

const ASCII = /^[\x20-\x7e]*$/;

describe('the Java SDK against truc serve', () => {
  let axis: Axis;
  let server: RunningServer;
  const prefix = '/XrdAdapter/adapter';
  const timestamp = formatSdkTimestamp(new Date());

  beforeAll(async () => {
    axis = await testAxis({ prefix });
    server = await startServer(axis.app, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await axis.close();
  });

  it('signs in HashMap order, and the server verifies the raw header bytes', () => {
    const names = ['systemid', 'timestamp', 'Content-Type', 'servicetype', 'messagetype', 'from', 'hash-file'];
    const headers = signHeaders(names.map((n) => [n, 'x']), 's');
    const signedKeys = Object.keys(JSON.parse(headers['XroadVnpt-sign-header']));
    expect(signedKeys).toEqual(javaHashMapOrder(names.map((n) => `XroadVnpt-${n}`)));
    expect(signedKeys).not.toEqual(names.map((n) => `XroadVnpt-${n}`));
    expect(headers['XroadVnpt-sign-header-key']).toBe(signedKeys.map((k) => k.slice('XroadVnpt-'.length)).join(';'));
  });

  it('accepts sendEdoc with Expect: 100-continue, the raw body + CRLF and a short hash-file', async () => {
    // A packet whose digest has a byte under 0x10, so the short rendering really is shorter.
    let packet = edocBytes();
    while (shortHashFile(packet).length === 64) packet = edocBytes();
    const logical: [string, string][] = [
      ['systemid', NGHE_AN.systemId],
      ['timestamp', timestamp],
      ['Content-Type', 'application/octet-stream'],
      ['servicetype', 'eDoc'],
      ['messagetype', 'edoc'],
      ['from', NGHE_AN.systemId],
      ['hash-file', shortHashFile(packet)],
    ];
    const reply = await javaRequest(
      server.origin,
      `${prefix}/sendEdoc`,
      { ...signHeaders(logical, NGHE_AN.secret), 'Content-Type': 'application/octet-stream' },
      Buffer.concat([packet, Buffer.from('\r\n')]),
    );
    expect(reply.continued).toBe(true);
    expect(reply.status).toBe(200);
    const json = JSON.parse(reply.body.toString('latin1'));
    expect(Object.keys(json)).toEqual(['status', 'ErrorCode', 'ErrorDesc', 'DocId']);
    expect(json).toMatchObject({ status: 'OK', ErrorCode: '0', ErrorDesc: 'Thanh cong' });
    expect(json.DocId).toMatch(/^[0-9a-f]{24}$/);
    const stored = await axis.core.store.getPacket(json.DocId);
    expect(Buffer.from(stored?.bytes ?? []).equals(Buffer.from(packet))).toBe(true);
  });

  it('keeps DocId (empty) on a failed sendEdoc, and ErrorDesc ASCII', async () => {
    const reply = await javaRequest(
      server.origin,
      `${prefix}/sendEdoc`,
      signHeaders([['systemid', NGHE_AN.systemId], ['timestamp', timestamp], ['messagetype', 'edoc'], ['hash-file', 'abc']], NGHE_AN.secret),
      Buffer.from('not xml\r\n'),
    );
    const json = JSON.parse(reply.body.toString('latin1'));
    expect(Object.keys(json)).toEqual(['status', 'ErrorCode', 'ErrorDesc', 'DocId']);
    expect(json).toMatchObject({ status: 'FAIL', ErrorCode: '25', DocId: '' });
    expect(json.ErrorDesc).toMatch(ASCII);
  });

  it('serves a reused client: stale timestamp, carried-over headers, docid casing, Vietnamese description', async () => {
    const sender = new AxisClient({ baseUrl: `${server.origin}${prefix}`, ...NGHE_AN });
    const receiver = new AxisClient({ baseUrl: `${server.origin}${prefix}`, ...TAY_NINH, docIdCasing: 'docid', now: () => new Date('2026-01-01T00:00:00Z') });
    expect((await sender.sendEdoc(edocBytes())).status).toBe('OK');
    const list = await receiver.getReceivedEdocList();
    expect(Object.keys(list)).toEqual(['status', 'ErrorCode', 'ErrorDesc', 'data']);
    const item = list.data[0];
    expect(Object.keys(item)).toEqual(['docId', 'serviceType', 'messageType', 'created_time', 'updated_time', 'from', 'to', 'status', 'status_desc']);
    const count = await receiver.countReceiveEdoc();
    expect(Number.isInteger(count.count)).toBe(true);
    const edoc = await receiver.getEdoc(item.docId);
    expect(Buffer.from(edoc.data, 'base64').toString('utf8')).toContain('edXML');
    // messagetype, servicetype and docid ride along from the earlier calls, as in the Java SDK.
    const ack = await receiver.updateStatus(item.docId, 'processing', 'Đang xử lý văn bản');
    expect(ack).toEqual({ status: 'OK', ErrorCode: '0', ErrorDesc: 'Thanh cong' });
    const journal = await axis.core.store.queryJournal({ operation: 'updateStatus' });
    const last = journal[journal.length - 1];
    expect(last.headers).toMatchObject({ messagetype: 'edoc', docid: item.docId, description: 'Đang xử lý văn bản' });
    expect(last.hmacReading).toBe('raw');
    const after = await receiver.getReceivedEdocList();
    expect(after.data[0]).toMatchObject({ status: 'processing', status_desc: 'Dang xu ly van ban' });
  });

  // Without a body Node writes header bytes as latin1 (with Expect: 100-continue it writes UTF-8,
  // one more way clients mangle non-ASCII headers), so the wire carries the UTF-8 JSON bytes.
  it('accepts an HMAC computed over the UTF-8 re-reading of a mangled header and records it', async () => {
    const json = JSON.stringify({ 'XroadVnpt-systemid': TAY_NINH.systemId, 'XroadVnpt-description': 'Đã nhận' });
    const onWire = Buffer.from(json, 'utf8').toString('latin1');
    const { createHmac } = await import('node:crypto');
    const hash = createHmac('sha256', TAY_NINH.secret).update(Buffer.from(onWire, 'utf8')).digest('hex');
    const reply = await javaRequest(server.origin, `${prefix}/countReceiveStatus`, {
      'XroadVnpt-systemid': TAY_NINH.systemId,
      'XroadVnpt-sign-header': onWire,
      'XroadVnpt-hash-header': hash,
    }, undefined);
    expect(JSON.parse(reply.body.toString())).toMatchObject({ status: 'OK', count: 0 });
    const [entry] = await axis.core.store.queryJournal({ operation: 'countReceiveStatus' });
    expect(entry.hmacReading).toBe('utf8');
  });

  it('answers downloadEdoc (GET) with the raw packet and its failures with the envelope', async () => {
    const receiver = new AxisClient({ baseUrl: `${server.origin}${prefix}`, ...TAY_NINH });
    const missing = await javaRequest(
      server.origin,
      `${prefix}/downloadEdoc`,
      signHeaders([['systemid', TAY_NINH.systemId], ['docId', 'nope']], TAY_NINH.secret),
      undefined,
      'GET',
    );
    expect(JSON.parse(missing.body.toString())).toEqual({ status: 'FAIL', ErrorCode: '30', ErrorDesc: 'Khong tim thay van ban' });
    const [item] = (await receiver.getReceivedEdocList()).data;
    const ok = await javaRequest(server.origin, `${prefix}/downloadEdoc`, signHeaders([['systemid', TAY_NINH.systemId], ['docId', item.docId]], TAY_NINH.secret), undefined, 'GET');
    expect(ok.headers['content-type']).toContain('application/xml');
    expect(ok.body.subarray(0, 5).toString()).toBe('<?xml');
  });
});

// Any run of slashes in a request path counts as one, as in the Java servlet containers the real
// axis runs on: the Java SDK given a base with a trailing slash posts to `//sendEdoc` through its
// hand-written sender. Proved with raw requests over real HTTP (node:http writes the request
// target exactly as given; truc's own client would fold the slashes before sending).
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Axis } from './axis.ts';
import { signHeaders } from './client/sign.ts';
import { shortHashFile } from './protocol/signing.ts';
import { formatSdkTimestamp } from './protocol/time.ts';
import { startServer, type RunningServer } from './server.ts';
import { NGHE_AN, TAY_NINH, edocBytes, testAxis } from './testing/fixtures.ts';

interface Reply {
  status: number;
  body: Buffer;
}

function raw(origin: string, target: string, headers: Record<string, string>, body?: Buffer, method = 'POST'): Promise<Reply> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path: target, method, headers: { ...headers, ...(body ? { 'Content-Length': String(body.length) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sendHeaders = (packet: Uint8Array, contentType: string): Record<string, string> => ({
  ...signHeaders(
    [
      ['systemid', NGHE_AN.systemId],
      ['timestamp', formatSdkTimestamp(new Date())],
      ['servicetype', 'eDoc'],
      ['messagetype', 'edoc'],
      ['from', NGHE_AN.systemId],
      ['hash-file', shortHashFile(packet)],
    ],
    NGHE_AN.secret,
  ),
  'Content-Type': contentType,
});

/** A multipart/form-data body written byte by byte: one `file_doc` part holding the packet. */
function multipart(packet: Uint8Array, boundary: string): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file_doc"; filename="goi-tin.edxml"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(packet),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

describe.each(['/', '/XrdAdapter/adapter'])('runs of slashes under prefix %s', (prefix) => {
  let axis: Axis;
  let server: RunningServer;
  const base = prefix === '/' ? '' : prefix;

  beforeAll(async () => {
    axis = await testAxis({ prefix });
    server = await startServer(axis.app, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await axis.close();
  });

  it('accepts the SDK sender body posted to //sendEdoc and a multipart upload to ///sendEdoc', async () => {
    const packet = edocBytes();
    const sdk = await raw(server.origin, `${base}//sendEdoc`, sendHeaders(packet, 'application/octet-stream'), Buffer.concat([packet, Buffer.from('\r\n')]));
    expect(sdk.status).toBe(200);
    const sdkReply = JSON.parse(sdk.body.toString('latin1'));
    expect(sdkReply).toMatchObject({ status: 'OK', ErrorCode: '0' });
    expect(Buffer.from((await axis.core.store.getPacket(sdkReply.DocId))?.bytes ?? []).equals(Buffer.from(packet))).toBe(true);

    const second = edocBytes();
    const boundary = 'truc-ranh-gioi-42';
    const form = await raw(server.origin, `${base.replace(/\//g, '//')}///sendEdoc`, sendHeaders(second, `multipart/form-data; boundary=${boundary}`), multipart(second, boundary));
    expect(JSON.parse(form.body.toString('latin1'))).toMatchObject({ status: 'OK', ErrorCode: '0' });
    // The journal keeps the path exactly as received: evidence of what the client called.
    const sends = await axis.core.store.queryJournal({ operation: 'sendEdoc' });
    expect(sends.map((e) => e.path).slice(-2)).toEqual([`${base}//sendEdoc`, `${base.replace(/\//g, '//')}///sendEdoc`]);
  });

  it('serves the JSON operations and the control API through doubled slashes too', async () => {
    const list = await raw(
      server.origin,
      `${base}//getReceivedEdocList`,
      { ...signHeaders([['systemid', TAY_NINH.systemId], ['timestamp', formatSdkTimestamp(new Date())], ['messagetype', 'edoc']], TAY_NINH.secret), 'Content-Type': 'application/json' },
      Buffer.from('{}'),
    );
    expect(JSON.parse(list.body.toString('latin1'))).toMatchObject({ status: 'OK', ErrorCode: '0' });
    const journal = await raw(server.origin, `/${axis.controlPrefix.replace(/\//g, '//')}//journal?operation=sendEdoc`, { authorization: 'Bearer test-token' }, undefined, 'GET');
    expect(journal.status).toBe(200);
    expect((JSON.parse(journal.body.toString()) as unknown[]).length).toBeGreaterThan(0);
  });

  it('still answers an unknown operation with the envelope, whatever the slashes', async () => {
    const reply = await raw(server.origin, `${base}//noSuchOperation`, {}, Buffer.from('{}'));
    expect(JSON.parse(reply.body.toString('latin1'))).toMatchObject({ status: 'FAIL', ErrorCode: '11' });
  });
});

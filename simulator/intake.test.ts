// sendEdoc intake policy (spec axis-api §4): what is refused, what is accepted with findings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Axis } from './axis.ts';
import { signHeaders } from './client/sign.ts';
import { fullHashFile } from './protocol/signing.ts';
import { NGHE_AN, TAY_NINH, edocBytes, inProcessClient, testAxis } from './testing/fixtures.ts';

const findingsOf = async (axis: Axis) => (await axis.core.store.queryJournal({ operation: 'sendEdoc' })).flatMap((e) => e.findings.map((f) => f.rule));

describe('sendEdoc intake', () => {
  let axis: Axis;
  beforeEach(async () => {
    axis = await testAxis();
  });
  afterEach(() => axis.close());

  it.each([
    ['short', true],
    ['short', false],
    ['full', true],
    ['full', false],
  ] as const)('accepts hash-file rendered %s, CRLF after body: %s, and stores the packet bytes only', async (hashRendering, crlfAfterBody) => {
    const packet = edocBytes();
    const reply = await inProcessClient(axis, NGHE_AN, { hashRendering, crlfAfterBody }).sendEdoc(packet);
    expect(reply.status).toBe('OK');
    const stored = await axis.core.store.getPacket(reply.DocId);
    expect(Buffer.from(stored?.bytes ?? []).equals(Buffer.from(packet))).toBe(true);
  });

  it('keeps a CRLF that belongs to the file when hash-file covers it', async () => {
    const packet = Buffer.concat([edocBytes(), Buffer.from('\r\n')]);
    const reply = await inProcessClient(axis, NGHE_AN, { crlfAfterBody: false }).sendEdoc(packet);
    const stored = await axis.core.store.getPacket(reply.DocId);
    expect(Buffer.from(stored?.bytes ?? []).equals(packet)).toBe(true);
  });

  it('refuses a hash-file mismatch, or accepts it with a finding when configured to warn', async () => {
    const packet = edocBytes();
    // A hash-file that belongs to no rendering of the body.
    const tampered = async (target: Axis) => {
      const headers = signHeaders([['systemid', NGHE_AN.systemId], ['messagetype', 'edoc'], ['hash-file', 'deadbeef']], NGHE_AN.secret);
      const response = await target.app.request('/sendEdoc', { method: 'POST', headers, body: packet });
      return response.json();
    };
    expect(await tampered(axis)).toMatchObject({ status: 'FAIL', ErrorCode: '25', DocId: '' });
    const lenient = await testAxis({ hashPolicy: 'warn' });
    expect(await tampered(lenient)).toMatchObject({ status: 'OK' });
    expect(await findingsOf(lenient)).toContain('AXIS-HASH-001');
    await lenient.close();
  });

  it('accepts a multipart/form-data upload whose file_doc part is the packet (policy)', async () => {
    const packet = edocBytes();
    const form = new FormData();
    form.set('file_doc', new Blob([packet]), 'goi-tin.xml');
    const request = new Request('http://axis.test/sendEdoc', { method: 'POST', body: form });
    const headers = signHeaders([['systemid', NGHE_AN.systemId], ['messagetype', 'edoc'], ['hash-file', fullHashFile(packet)]], NGHE_AN.secret);
    for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
    const reply = (await (await axis.app.request(request)).json()) as { status: string; DocId: string };
    expect(reply.status).toBe('OK');
    const stored = await axis.core.store.getPacket(reply.DocId);
    expect(Buffer.from(stored?.bytes ?? []).equals(Buffer.from(packet))).toBe(true);
    const other = new FormData();
    other.set('file', new Blob([packet]));
    const missing = new Request('http://axis.test/sendEdoc', { method: 'POST', body: other });
    for (const [name, value] of Object.entries(headers)) missing.headers.set(name, value);
    expect(await (await axis.app.request(missing)).json()).toMatchObject({ status: 'FAIL', ErrorCode: '10', DocId: '' });
  });

  it('refuses bytes that are not an edXML packet, citing the reading rule', async () => {
    const reply = await inProcessClient(axis, NGHE_AN).sendEdoc(new TextEncoder().encode('<edXML><unclosed>'));
    expect(reply).toMatchObject({ status: 'FAIL', ErrorCode: '20', DocId: '' });
    expect(reply.ErrorDesc).toMatch(/EDXML-/);
  });

  it('refuses a messagetype that contradicts the packet', async () => {
    const reply = await inProcessClient(axis, NGHE_AN).sendEdoc(edocBytes(), { messagetype: 'status' });
    expect(reply).toMatchObject({ status: 'FAIL', ErrorCode: '26' });
  });

  it('refuses a sender that is not the caller, in the packet or in the from header', async () => {
    const client = inProcessClient(axis, NGHE_AN);
    const foreign = await client.sendEdoc(edocBytes({ from: TAY_NINH.systemId, to: [NGHE_AN.systemId] }));
    expect(foreign).toMatchObject({ status: 'FAIL', ErrorCode: '22' });
    const header = await client.sendEdoc(edocBytes(), { from: TAY_NINH.systemId });
    expect(header).toMatchObject({ status: 'FAIL', ErrorCode: '22' });
    // The QĐ 20 form of the caller's own code is the caller.
    expect((await client.sendEdoc(edocBytes({ from: 'H41' }))).status).toBe('OK');
  });

  it('refuses the whole send when one recipient is unknown, storing nothing', async () => {
    const reply = await inProcessClient(axis, NGHE_AN).sendEdoc(edocBytes({ to: [TAY_NINH.systemId, '000.00.00.G98'] }));
    expect(reply).toMatchObject({ status: 'FAIL', ErrorCode: '24' });
    expect(reply.ErrorDesc).toContain('000.00.00.G98');
    expect(await axis.core.store.countDeliveries({})).toBe(0);
  });

  it('journals a send under every form of the agencies it concerns', async () => {
    const reply = await inProcessClient(axis, NGHE_AN).sendEdoc(edocBytes({ from: 'H41', to: ['H53'] }));
    expect(reply.status).toBe('OK');
    const [entry] = await axis.core.store.queryJournal({ operation: 'sendEdoc', agency: TAY_NINH.systemId });
    expect(entry?.senderId).toBe(reply.DocId);
    expect(entry.agencies).toEqual(expect.arrayContaining(['H41', NGHE_AN.systemId, 'H53', TAY_NINH.systemId]));
  });

  it('delivers once to an agency named under both code forms, and records a finding', async () => {
    const reply = await inProcessClient(axis, NGHE_AN).sendEdoc(edocBytes({ to: [TAY_NINH.systemId, 'H53'] }));
    expect(reply.status).toBe('OK');
    expect(await axis.core.store.countDeliveries({ senderId: reply.DocId })).toBe(1);
    expect(await findingsOf(axis)).toContain('AXIS-TO-003');
  });

  it('delivers to a unit registered under a system into that system inbox', async () => {
    const tayNinh = inProcessClient(axis, TAY_NINH);
    const registered = await tayNinh.registerAgency({ pcode: TAY_NINH.systemId, code: '000.09.01.H53', name: 'Sở Thử nghiệm Tây Ninh' });
    expect(registered.status).toBe('OK');
    const reply = await inProcessClient(axis, NGHE_AN).sendEdoc(edocBytes({ to: ['000.09.01.H53'] }));
    expect(reply.status).toBe('OK');
    const [item] = (await tayNinh.getReceivedEdocList()).data;
    expect(item.to).toBe('000.09.01.H53');
    // And the unit may send as itself through its system.
    expect((await tayNinh.sendEdoc(edocBytes({ from: '000.09.01.H53', to: [NGHE_AN.systemId] }))).status).toBe('OK');
  });

  it('records a to header that disagrees with the packet, then ignores it', async () => {
    const client = inProcessClient(axis, NGHE_AN);
    expect((await client.sendEdoc(edocBytes(), { to: JSON.stringify([{ OrganId: 'H53' }]) })).status).toBe('OK');
    expect(await findingsOf(axis)).not.toContain('AXIS-TO-001');
    const reply = await client.sendEdoc(edocBytes(), { to: '"000.00.00.G22"' });
    expect(reply.status).toBe('OK');
    expect(await findingsOf(axis)).toContain('AXIS-TO-001');
    expect(await axis.core.store.countDeliveries({ senderId: reply.DocId, recipientCode: TAY_NINH.systemId })).toBe(1);
  });

  it('accepts a packet with validator errors by default, journaling them; strict mode refuses it', async () => {
    const packet = edocBytes({ subject: '' });
    expect((await inProcessClient(axis, NGHE_AN).sendEdoc(packet)).status).toBe('OK');
    expect(await findingsOf(axis)).toContain('EDXML-STRUCT-015');
    const strict = await testAxis({ strict: true });
    const reply = await inProcessClient(strict, NGHE_AN).sendEdoc(packet);
    expect(reply).toMatchObject({ status: 'FAIL', ErrorCode: '27', DocId: '' });
    expect(reply.ErrorDesc).toContain('EDXML-STRUCT-015');
    await strict.close();
  });
});

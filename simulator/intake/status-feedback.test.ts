import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPacket } from '../../edxml/build.ts';
import { composeStatus, responseForDocument } from '../../edxml/compose.ts';
import type { Axis } from '../axis.ts';
import { NGHE_AN, TAY_NINH, inProcessClient, sampleEdoc, statusBytes, testAxis } from '../testing/fixtures.ts';

describe('status packets update the sender view of the delivery they answer', () => {
  let axis: Axis;
  beforeEach(async () => {
    axis = await testAxis();
  });
  afterEach(() => axis.close());

  it('matches by DocumentId and the reporter, also when the reporter uses the QĐ 20 form', async () => {
    const a = inProcessClient(axis, NGHE_AN);
    const b = inProcessClient(axis, TAY_NINH);
    const doc = sampleEdoc();
    const sent = await a.sendEdoc(buildPacket(doc));
    await b.sendEdoc(statusBytes(doc, 'H53', '03'), { messagetype: 'status' });
    expect((await a.getSentEdocList(sent.DocId)).data[0]).toMatchObject({ receiveStatus: '03', receiveStatusDesc: 'Da tiep nhan' });
  });

  it('falls back to (OrganId, Code, PromulgationDate) when the DocumentId is unknown', async () => {
    const a = inProcessClient(axis, NGHE_AN);
    const b = inProcessClient(axis, TAY_NINH);
    const doc = sampleEdoc();
    const sent = await a.sendEdoc(buildPacket(doc));
    const responseFor = { ...responseForDocument(doc), organId: 'H41', documentId: 'not-the-id' };
    const status = buildPacket(composeStatus({ from: TAY_NINH.systemId, responseFor, statusCode: '1', timestamp: '2026/11/20 09:00:00' }));
    expect((await b.sendEdoc(status, { messagetype: 'status' })).status).toBe('OK');
    expect((await a.getSentEdocList(sent.DocId)).data[0].receiveStatus).toBe('01');
  });

  it('leaves other recipients rows alone', async () => {
    const a = inProcessClient(axis, NGHE_AN);
    const b = inProcessClient(axis, TAY_NINH);
    const doc = sampleEdoc({ to: [TAY_NINH.systemId, '000.00.00.G22'] });
    const sent = await a.sendEdoc(buildPacket(doc));
    await b.sendEdoc(statusBytes(doc, TAY_NINH.systemId, '02'), { messagetype: 'status' });
    const rows = (await a.getSentEdocList(sent.DocId)).data;
    expect(rows.find((r) => r.toCode === TAY_NINH.systemId)?.receiveStatus).toBe('02');
    expect(rows.find((r) => r.toCode === '000.00.00.G22')?.receiveStatus).toBe('');
    // Only the sender follows its own packet.
    expect((await b.getSentEdocList(sent.DocId)).ErrorCode).toBe('30');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Axis } from './axis.ts';
import { NGHE_AN, TAY_NINH, edocBytes, inProcessClient, sampleEdoc, statusBytes, testAxis } from './testing/fixtures.ts';
import { buildPacket } from '../edxml/build.ts';

describe('one full exchange in process (spec axis-api §5)', () => {
  let axis: Axis;
  beforeEach(async () => {
    axis = await testAxis();
  });
  afterEach(() => axis.close());

  it('sends, lists, fetches, acknowledges and follows status feedback', async () => {
    const a = inProcessClient(axis, NGHE_AN);
    const b = inProcessClient(axis, TAY_NINH);
    const doc = sampleEdoc();
    const bytes = buildPacket(doc);

    const sent = await a.sendEdoc(bytes);
    expect(sent).toMatchObject({ status: 'OK', ErrorCode: '0', ErrorDesc: 'Thanh cong' });
    expect(sent.DocId).toMatch(/^[0-9a-f]{24}$/);

    const inbox = await b.getReceivedEdocList();
    expect(inbox.status).toBe('OK');
    expect(inbox.data).toHaveLength(1);
    const item = inbox.data[0];
    expect(item).toMatchObject({ serviceType: 'eDoc', messageType: 'edoc', from: NGHE_AN.systemId, to: TAY_NINH.systemId, status: 'initial' });
    expect(item.docId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(item.created_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect((await b.countReceiveEdoc()).count).toBe(1);

    const before = await a.getSentEdocList(sent.DocId);
    expect(before.data[0]).toMatchObject({ sendStatus: 'queued', receiverDocId: item.docId, senderDocId: sent.DocId });

    const fetched = await b.getEdoc(item.docId);
    expect(Buffer.from(fetched.data, 'base64').equals(Buffer.from(bytes))).toBe(true);
    const downloaded = await b.downloadEdoc(item.docId);
    expect(downloaded.ok && Buffer.from(downloaded.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect((await a.getSentEdocList(sent.DocId)).data[0].sendStatus).toBe('delivered');

    expect((await b.updateStatus(item.docId, 'done')).status).toBe('OK');
    expect((await b.getReceivedEdocList()).data).toHaveLength(0);
    expect((await a.getSentEdocList(sent.DocId)).data[0].sendStatus).toBe('done');

    const status = await b.sendEdoc(statusBytes(doc, TAY_NINH.systemId, '01'), { messagetype: 'status' });
    expect(status.status).toBe('OK');
    const statusInbox = await a.getReceivedEdocList({ messagetype: 'status' });
    expect(statusInbox.data).toHaveLength(1);
    expect((await a.countReceiveStatus()).count).toBe(1);
    const row = (await a.getSentEdocList(sent.DocId)).data[0];
    expect(row).toMatchObject({ receiveStatus: '01', receiveStatusDesc: 'Da den', title: doc.header.subject, notation: `${doc.header.code?.codeNumber}/UBND-VX` });
  });

  it('lets a recipient read and acknowledge only its own deliveries, without revealing others', async () => {
    const a = inProcessClient(axis, NGHE_AN);
    const b = inProcessClient(axis, TAY_NINH);
    await a.sendEdoc(edocBytes());
    const [item] = (await b.getReceivedEdocList()).data;
    const stranger = await a.getEdoc(item.docId);
    const unknown = await a.getEdoc('00000000-0000-4000-8000-000000000000');
    expect(stranger).toEqual(unknown);
    expect(stranger).toMatchObject({ status: 'FAIL', ErrorCode: '30', data: '' });
    expect((await a.updateStatus(item.docId, 'done')).ErrorCode).toBe('30');
    expect((await b.getReceivedEdocList()).data[0].status).toBe('initial');
  });

  it('journals every exchange with the evidence the suite cites', async () => {
    const a = inProcessClient(axis, NGHE_AN);
    const sent = await a.sendEdoc(edocBytes());
    const journal = await axis.core.store.queryJournal({ operation: 'sendEdoc' });
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({
      caller: NGHE_AN.systemId,
      senderId: sent.DocId,
      hmacReading: 'raw',
      secretSeen: false,
      outcome: { status: 'OK', errorCode: '0' },
      httpStatus: 200,
    });
    expect(journal[0].headers.messagetype).toBe('edoc');
    expect(journal[0].agencies).toContain(TAY_NINH.systemId);
    expect(journal[0].bodyLength).toBeGreaterThan(100);
  });

  it('keeps fail-acknowledged items listed unless configured otherwise, and refuses unknown states', async () => {
    const a = inProcessClient(axis, NGHE_AN);
    const b = inProcessClient(axis, TAY_NINH);
    await a.sendEdoc(edocBytes());
    const [item] = (await b.getReceivedEdocList()).data;
    expect((await b.updateStatus(item.docId, 'received' as 'done')).ErrorCode).toBe('31');
    expect((await b.updateStatus(item.docId, 'fail', 'Gói tin hỏng')).status).toBe('OK');
    expect((await b.getReceivedEdocList()).data[0]).toMatchObject({ status: 'fail', status_desc: 'Goi tin hong' });
    const strictInbox = await testAxis({ failListed: false });
    const a2 = inProcessClient(strictInbox, NGHE_AN);
    const b2 = inProcessClient(strictInbox, TAY_NINH);
    await a2.sendEdoc(edocBytes());
    const [other] = (await b2.getReceivedEdocList()).data;
    await b2.updateStatus(other.docId, 'fail');
    expect((await b2.getReceivedEdocList()).data).toHaveLength(0);
    await strictInbox.close();
  });

  it('filters the inbox by fromDate / toDate and counts status packets whatever messagetype is carried', async () => {
    let now = new Date('2026-11-20T02:00:00Z');
    const timed = await testAxis({ clock: () => now });
    const a = inProcessClient(timed, NGHE_AN);
    // A reused Java client would carry fromDate into the next call: filter with a fresh header set each time.
    const b = inProcessClient(timed, TAY_NINH, { carryOver: false });
    await a.sendEdoc(edocBytes());
    now = new Date('2026-11-22T02:00:00Z');
    await a.sendEdoc(edocBytes());
    expect((await b.getReceivedEdocList({ fromDate: '21/11/2026 00:00:00' })).data).toHaveLength(1);
    expect((await b.getReceivedEdocList({ toDate: '2026/11/20' })).data).toHaveLength(1);
    expect((await b.getReceivedEdocList({ fromDate: '2026/11/19', toDate: '2026/11/22' })).data).toHaveLength(2);
    expect((await b.getReceivedEdocList({ fromDate: 'yesterday' })).ErrorCode).toBe('10');
    const reused = inProcessClient(timed, TAY_NINH);
    expect((await reused.countReceiveEdoc('edoc')).count).toBe(2);
    // The reused client now carries messagetype=edoc; countReceiveStatus still counts the status mailbox.
    expect((await reused.countReceiveStatus()).count).toBe(0);
    await timed.close();
  });
});

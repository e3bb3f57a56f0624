import { describe, expect, it } from 'vitest';
import { CaseTraffic, type CaseIdentity } from './attribution.ts';
import { createFakeAxis } from './testing/fake-axis.ts';

describe('case traffic', () => {
  it('follows agencies, documents, injected packets and their receiver ids, incrementally', () => {
    const axis = createFakeAxis();
    const identity: CaseIdentity & { agencies: string[]; documentIds: string[]; senderIds: Set<string> } = {
      agencies: ['000.01.01.G99'],
      documentIds: [],
      senderIds: new Set(),
    };
    const traffic = new CaseTraffic(() => identity);
    const view = axis.port.journal;
    const injection = axis.record({ operation: 'control:inject', agencies: ['000.01.01.G99', 'SUT'], senderId: 's1', receiverIds: ['r1'] });
    axis.record({ operation: 'getEdoc', agencies: ['SUT'], headers: { docId: 'r1' } });
    axis.record({ operation: 'getEdoc', agencies: ['SUT'], headers: { docId: 'r-other' } });
    expect(traffic.of(view.snapshot()).map((e) => e.id)).toEqual([1, 2]);
    axis.record({ operation: 'updateStatus', agencies: ['SUT'], headers: { docid: 'r1' } });
    axis.record({ operation: 'sendEdoc', agencies: ['SUT', 'X'], documentId: 'D-1' });
    expect(traffic.of(view.snapshot()).map((e) => e.id)).toEqual([1, 2, 4]);
    // The case issues D-1 after the entry landed: a rescan finds it.
    identity.documentIds.push('D-1');
    expect(traffic.of(view.snapshot()).map((e) => e.id)).toEqual([1, 2, 4, 5]);
    expect(injection.id).toBe(1);
  });

  it('rescans when an entry arrives out of order', async () => {
    const { createJournalFeed } = await import('./journal-view.ts');
    const feed = createJournalFeed();
    const entry = (id: number, agencies: string[]) => ({
      id,
      time: new Date(),
      operation: 'x',
      method: 'POST',
      path: '/x',
      agencies,
      headers: {},
      secretSeen: false,
      outcome: { status: 'OK' as const, errorCode: '0', errorDesc: '' },
      httpStatus: 200,
      findings: [],
      bodyLength: 0,
      durationMs: 0,
    });
    const traffic = new CaseTraffic(() => ({ agencies: ['A'], documentIds: [], senderIds: new Set() }));
    feed.push(entry(1, ['A']));
    feed.push(entry(3, ['B']));
    expect(traffic.of(feed.snapshot()).map((e) => e.id)).toEqual([1]);
    feed.push(entry(2, ['A']));
    expect(traffic.of(feed.snapshot()).map((e) => e.id)).toEqual([1, 2]);
  });
});

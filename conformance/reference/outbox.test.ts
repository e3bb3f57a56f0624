import { describe, expect, it } from 'vitest';
import { Outbox, type OutboxItem, type RetryPolicy, type SendAttempt } from './outbox.ts';

const policy: RetryPolicy = { maxRefusals: 3, maxTransportFailures: 2, backoffMs: (n) => 100 * n };

function harness() {
  let now = 0;
  const outbox = new Outbox();
  const events: string[] = [];
  const add = (key: string, label: string) =>
    outbox.add({
      key,
      label,
      bytes: new Uint8Array(),
      messagetype: 'status',
      stored: (id) => events.push(`stored ${label} ${id}`),
      abandoned: (why) => events.push(`abandoned ${label}: ${why}`),
    });
  const flush = (answer: (item: OutboxItem) => SendAttempt) => outbox.flush(async (item) => answer(item), policy, () => now);
  return { outbox, events, add, flush, advance: (ms: number) => (now += ms) };
}

describe('outbox', () => {
  it('sends each packet once, in order per key; a failed packet holds back its key only', async () => {
    const h = harness();
    h.add('doc-a', '01a');
    h.add('doc-a', '03a');
    h.add('doc-b', '01b');
    const tried: string[] = [];
    await h.flush((item) => {
      tried.push(item.label);
      return item.label === '01a' ? { kind: 'no-answer', detail: 'dropped' } : { kind: 'stored', senderId: `id-${item.label}` };
    });
    expect(tried).toEqual(['01a', '01b']);
    expect(h.events).toEqual(['stored 01b id-01b']);
    // Not due yet (backoff 100 ms): nothing is tried.
    await h.flush(() => ({ kind: 'stored', senderId: 'x' }));
    expect(h.outbox.size).toBe(2);
    h.advance(100);
    await h.flush((item) => ({ kind: 'stored', senderId: `id-${item.label}` }));
    expect(h.events).toEqual(['stored 01b id-01b', 'stored 01a id-01a', 'stored 03a id-03a']);
    expect(h.outbox.size).toBe(0);
  });

  it('gives up after the allowed refusals (I-05) and says why', async () => {
    const h = harness();
    h.add('doc', 'edoc');
    let tries = 0;
    for (let i = 0; i < 5; i++) {
      await h.flush(() => {
        tries++;
        return { kind: 'refused', errorCode: '-1', errorDesc: 'unknown agency' };
      });
      h.advance(1_000);
    }
    expect(tries).toBe(3);
    expect(h.events).toEqual(['abandoned edoc: -1 unknown agency']);
  });

  it('gives up after the allowed calls without an answer', async () => {
    const h = harness();
    h.add('doc', 'edoc');
    for (let i = 0; i < 3; i++) {
      await h.flush(() => ({ kind: 'no-answer', detail: 'silence' }));
      h.advance(1_000);
    }
    expect(h.events).toEqual(['abandoned edoc: silence']);
  });

  it('never runs two flushes at once: a flush asked for meanwhile runs after, and nothing is sent twice', async () => {
    const h = harness();
    h.add('k1', 'p1');
    const sent: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = h.outbox.flush(
      async (item) => {
        sent.push(item.label);
        if (item.label === 'p1') await gate;
        return { kind: 'stored', senderId: item.label };
      },
      policy,
      () => 0,
    );
    h.add('k2', 'p2');
    const second = h.outbox.flush(
      async (item) => {
        sent.push(`second:${item.label}`);
        return { kind: 'stored', senderId: item.label };
      },
      policy,
      () => 0,
    );
    release();
    await Promise.all([first, second]);
    expect(sent).toEqual(['p1', 'p2']);
    expect(h.outbox.size).toBe(0);
  });
});

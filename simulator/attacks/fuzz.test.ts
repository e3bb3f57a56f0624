// The fuzz target with a bounded budget for CI (the long run is `npm run fuzz`, scripts/fuzz.ts).
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory.ts';
import { fuzzAxis } from './fuzz.ts';
import { STORES, liveAxis } from './support.ts';

describe('fuzzed requests', () => {
  it('300 requests on the memory store: no 5xx, every reply an envelope, one journal entry each', async () => {
    const live = await liveAxis(createMemoryStore());
    try {
      const figures = await fuzzAxis(live, 300);
      expect(figures).toMatchObject({ requests: 300, fiveXx: 0, withoutEnvelope: 0, journalGaps: 0, journalLoss: 0 });
    } finally {
      await live.stop();
    }
  }, 120_000);

  it('150 requests on PostgreSQL: the same', async () => {
    const { store, dispose } = await STORES.find((s) => s.name === 'postgres')!.open();
    const live = await liveAxis(store, {}, dispose);
    try {
      const figures = await fuzzAxis(live, 150);
      expect(figures).toMatchObject({ requests: 150, fiveXx: 0, withoutEnvelope: 0, journalGaps: 0, journalLoss: 0 });
    } finally {
      await live.stop();
    }
  }, 120_000);
});

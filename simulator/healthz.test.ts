import { describe, expect, it } from 'vitest';
import { createAxis } from './axis.ts';
import { createMemoryStore } from './store/memory.ts';

describe('/healthz', () => {
  it.each(['/', '/XrdAdapter/adapter'])('answers ok without credentials and outside the journal (prefix %s)', async (prefix) => {
    const axis = await createAxis({ prefix });
    const res = await axis.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(await axis.core.store.queryJournal({})).toHaveLength(0);
    await axis.close();
  });

  it('answers 503 when the store does not', async () => {
    const store = createMemoryStore();
    const axis = await createAxis({ store });
    store.countAgencies = async () => {
      throw new Error('store down');
    };
    const res = await axis.app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable' });
  });
});

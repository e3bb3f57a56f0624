import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxisClient } from './client/client.ts';
import { createMswAxis, type MswAxis } from './msw.ts';
import { seedDirectory } from './directory/seed.ts';
import { NGHE_AN, TAY_NINH, edocBytes } from './testing/fixtures.ts';

const BASE = 'https://axis.test/XrdAdapter/adapter';

describe('msw handlers backed by the simulator core', () => {
  let mock: MswAxis;
  let server: ReturnType<typeof setupServer>;
  beforeAll(async () => {
    mock = await createMswAxis({ baseUrl: BASE, directory: await seedDirectory(), systems: [NGHE_AN, TAY_NINH], controlToken: 't' });
    server = setupServer(...mock.all);
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterAll(() => server.close());

  it('serves a send and a receive through global fetch, with no server', async () => {
    const a = new AxisClient({ baseUrl: BASE, ...NGHE_AN });
    const b = new AxisClient({ baseUrl: BASE, ...TAY_NINH });
    const sent = await a.sendEdoc(edocBytes());
    expect(sent.status).toBe('OK');
    const [item] = (await b.getReceivedEdocList()).data;
    const downloaded = await b.downloadEdoc(item.docId);
    expect(downloaded.ok).toBe(true);
    const journal = await fetch(`https://axis.test/_truc/v1/journal?operation=sendEdoc`, { headers: { authorization: 'Bearer t' } });
    const entries = (await journal.json()) as { senderId?: string }[];
    expect(entries[0].senderId).toBe(sent.DocId);
  });

  it('turns a dropped-connection fault into a network error', async () => {
    mock.axis.core.faults.add({ kind: 'drop', operations: ['getEdoc'], count: 1 });
    const b = new AxisClient({ baseUrl: BASE, ...TAY_NINH });
    await expect(b.getEdoc('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'AXIS-CLIENT-NETWORK' });
    expect((await b.getEdoc('00000000-0000-4000-8000-000000000000')).ErrorCode).toBe('30');
  });
});

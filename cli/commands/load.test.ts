// `truc load` against a real HTTP sandbox: traffic flows, every acknowledged packet is accounted
// for, and an axis that drops deliveries after answering OK is caught (exit 1, lost > 0).
import { afterEach, describe, expect, it } from 'vitest';
import { createAxis, type Axis } from '../../simulator/axis.ts';
import { seedDirectory } from '../../simulator/directory/seed.ts';
import { startServer, type RunningServer } from '../../simulator/server.ts';
import { createMemoryStore } from '../../simulator/store/memory.ts';
import type { Store } from '../../simulator/store/types.ts';
import { truc } from '../testing/run-cli.ts';

describe('truc load', () => {
  let axis: Axis | undefined;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    await axis?.close();
  });

  async function sandbox(store: Store = createMemoryStore()): Promise<string[]> {
    axis = await createAxis({ store, directory: await seedDirectory(), controlToken: 'load-token' });
    server = await startServer(axis.app, { host: '127.0.0.1', port: 0 });
    return ['--axis', server.origin, '--control-url', `${server.origin}${axis.controlPrefix}`, '--control-token', 'load-token'];
  }

  it('drives documents and statuses between units and accounts for every acknowledged packet (--json)', async () => {
    const target = await sandbox();
    const run = await truc('load', ...target, '--agencies', '2', '--units-per-agency', '2', '--docs-per-minute', '240', '--duration', '3', '--poll-seconds', '0.5', '--json');
    expect(run.code, run.err).toBe(0);
    const result = JSON.parse(run.out);
    expect(result.documents.acknowledged).toBeGreaterThan(0);
    expect(result.documents.delivered).toBe(result.documents.acknowledged);
    expect(result.statuses.delivered).toBe(2 * result.documents.acknowledged);
    expect(result).toMatchObject({ lost: 0, errors: { total: 0 } });
    for (const op of ['sendEdoc', 'sendEdoc(status)', 'getReceivedEdocList(edoc)', 'getEdoc', 'updateStatus']) {
      expect(result.latency[op].count, op).toBeGreaterThan(0);
      expect(result.latency[op].p99).toBeGreaterThanOrEqual(result.latency[op].p50);
    }
    // The counterparts' documents really crossed the axis: the journal holds their sends.
    const sends = await axis!.core.store.queryJournal({ operation: 'sendEdoc' });
    expect(sends.length).toBe(result.documents.acknowledged + result.statuses.acknowledged);
    expect(run.err).toMatch(/truc load: \d+s/);
  }, 60_000);

  it('reports packets an axis answered OK but never delivered, and exits 1', async () => {
    // A broken axis: every third send is acknowledged but its deliveries are dropped.
    const store = createMemoryStore();
    let sends = 0;
    const acceptSend = store.acceptSend.bind(store);
    store.acceptSend = (packet, deliveries) => acceptSend(packet, (sends += 1) % 3 === 0 ? [] : deliveries);
    const target = await sandbox(store);
    const run = await truc('load', ...target, '--agencies', '2', '--units-per-agency', '1', '--docs-per-minute', '300', '--duration', '2', '--poll-seconds', '0.5', '--json');
    const result = JSON.parse(run.out);
    expect(result.lost).toBeGreaterThan(0);
    expect(run.code).toBe(1);
  }, 60_000);

  it('refuses a sandbox that is not on this machine (exit 2)', async () => {
    const run = await truc('load', '--axis', 'http://10.0.0.5:8080', '--control-url', 'http://127.0.0.1:1/_truc/v1', '--control-token', 't');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/LOAD-NOT-LOOPBACK/);
  });
});

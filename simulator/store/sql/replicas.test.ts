// Replicas: several `truc serve --pg` processes on one PostgreSQL schema are one sandbox. Any
// replica answers any system, the journal's events reach followers on every replica, and killing
// replicas with SIGKILL in a loop while a client sends (retrying through the other replica) never
// loses a packet the axis answered OK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxisClient, AxisTransportError } from '../../client/client.ts';
import { startServeProcess, type ServeProcess } from '../../testing/serve-process.ts';
import { NGHE_AN, TAY_NINH, edocBytes } from '../../testing/fixtures.ts';
import { TEST_PG_URL, dropSchemas, randomSchema } from './test-support.ts';

const TOKEN = 'replica-test-token';
const KILLS = 3;

describe('replicas on one PostgreSQL schema (truc serve --pg, real processes)', () => {
  const schema = randomSchema();
  const args = ['--pg', TEST_PG_URL, '--pg-schema', schema, '--control-token', TOKEN];
  for (const s of [NGHE_AN, TAY_NINH]) args.push('--system', `${s.systemId}=${s.secret}`);
  const replicas: (ServeProcess | undefined)[] = [undefined, undefined];
  const everyProcess: ServeProcess[] = [];

  const start = async (slot: number) => {
    const replica = await startServeProcess(args);
    everyProcess.push(replica);
    replicas[slot] = replica;
    return replica;
  };
  const control = (replica: ServeProcess, path: string) =>
    fetch(`${replica.controlUrl}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });

  beforeAll(async () => {
    // One after the other: the first migrates and seeds, the second finds both done.
    await start(0);
    await start(1);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(everyProcess.map((p) => p.kill()));
    await dropSchemas([schema]);
  });

  it('answers any system on any replica: sent through one, received through the other', async () => {
    const [one, two] = replicas as ServeProcess[];
    const sent = await new AxisClient({ baseUrl: one.baseUrl, ...NGHE_AN }).sendEdoc(edocBytes());
    expect(sent.status).toBe('OK');
    const receiver = new AxisClient({ baseUrl: two.baseUrl, ...TAY_NINH });
    const inbox = await receiver.getReceivedEdocList();
    const delivery = (await (await control(two, `/packets/${sent.DocId}`)).json()) as { deliveries: { receiverId: string }[] };
    expect(inbox.data.map((d) => d.docId)).toContain(delivery.deliveries[0].receiverId);
    expect((await receiver.getEdoc(delivery.deliveries[0].receiverId)).status).toBe('OK');
  });

  it("delivers the journal's server-sent events to followers on every replica (LISTEN/NOTIFY)", async () => {
    const [one, two] = replicas as ServeProcess[];
    const abort = new AbortController();
    const events = await fetch(`${one.controlUrl}/journal/events?operation=countReceiveEdoc`, {
      headers: { authorization: `Bearer ${TOKEN}` },
      signal: abort.signal,
    });
    expect(events.status).toBe(200);
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    // The follower is subscribed once the stream is open; the exchange happens on the other replica.
    expect((await new AxisClient({ baseUrl: two.baseUrl, ...TAY_NINH }).countReceiveEdoc()).status).toBe('OK');
    let text = '';
    const timer = setTimeout(() => abort.abort(), 20_000);
    try {
      while (!/^data:/m.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
    } catch {
      // Aborted: the assertion below says what was missing.
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
    const entry = JSON.parse(/^data:(.*)$/m.exec(text)?.[1] ?? 'null') as { operation: string; caller: string } | null;
    expect(entry).toMatchObject({ operation: 'countReceiveEdoc', caller: TAY_NINH.systemId });
  }, 30_000);

  it(`loses no acknowledged packet while replicas are killed with SIGKILL (${KILLS} kills, client retrying through the other replica)`, async () => {
    const acknowledged = new Set<string>();
    let attempts = 0;
    let transportErrors = 0;
    let stop = false;
    let turn = 0;

    const sender = (async () => {
      while (!stop) {
        const live = replicas.filter((r): r is ServeProcess => r !== undefined && r.child.exitCode === null && r.child.signalCode === null);
        if (live.length === 0) {
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        const replica = live[turn++ % live.length];
        attempts += 1;
        try {
          const reply = await new AxisClient({ baseUrl: replica.baseUrl, ...NGHE_AN }).sendEdoc(edocBytes());
          if (reply.status === 'OK') acknowledged.add(reply.DocId);
        } catch (e) {
          // The replica died under the request: no OK was given, so nothing is owed; try the other.
          if (!(e instanceof AxisTransportError)) throw e;
          transportErrors += 1;
        }
      }
    })();

    for (let kill = 0; kill < KILLS; kill += 1) {
      const before = acknowledged.size;
      while (acknowledged.size < before + 5) await new Promise((r) => setTimeout(r, 25));
      const slot = kill % 2;
      await replicas[slot]?.kill('SIGKILL');
      await start(slot);
    }
    const beforeStop = acknowledged.size;
    while (acknowledged.size < beforeStop + 5) await new Promise((r) => setTimeout(r, 25));
    stop = true;
    await sender;

    // Delivered = a delivery to the recipient exists for the packet, and the recipient's own inbox
    // (through a replica that did not take the sends) lists as many.
    const survivor = replicas[0] as ServeProcess;
    const deliveries = (await (await control(survivor, `/deliveries?recipientSystem=${TAY_NINH.systemId}`)).json()) as { senderId: string }[];
    const delivered = new Set(deliveries.map((d) => d.senderId));
    const lost = [...acknowledged].filter((id) => !delivered.has(id));
    expect({ acknowledged: acknowledged.size > KILLS * 5, lost }).toEqual({ acknowledged: true, lost: [] });
    const inbox = await new AxisClient({ baseUrl: survivor.baseUrl, ...TAY_NINH }).getReceivedEdocList();
    expect(inbox.data.length).toBeGreaterThanOrEqual(acknowledged.size);
    expect(attempts).toBeGreaterThanOrEqual(acknowledged.size);
  }, 180_000);
});

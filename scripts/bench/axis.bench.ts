// Axis benchmark, side by side in one run, all over real HTTP (@hono/node-server, loopback):
//   1. getReceivedEdocList req/s through every axis layer vs a bare hono route answering the same
//      JSON — same server shell, same client, same signed request (goal ≥ 0.5×);
//   2. sendEdoc of a 30 KB packet with validation, on the memory and the embedded (durable) store;
//   3. a full send → list → get → ack cycle.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createAxis } from '../../simulator/axis.ts';
import { AxisClient } from '../../simulator/client/client.ts';
import { seedDirectory } from '../../simulator/directory/seed.ts';
import { startServer, type RunningServer } from '../../simulator/server.ts';
import { openEmbeddedStore } from '../../simulator/store/sql/open.ts';
import type { Store } from '../../simulator/store/types.ts';
import { NGHE_AN, TAY_NINH, edocBytes } from '../../simulator/testing/fixtures.ts';

const LIST_CALLS = 1500;
const ROUNDS = 5;
const CONCURRENCY = 8;
const SENDS = 200;
const CYCLES = 100;
const LISTED_ITEMS = 20;

async function timed(calls: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls) await call(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function withAxis<T>(store: Store | undefined, work: (server: RunningServer) => Promise<T>): Promise<T> {
  const axis = await createAxis({ store, directory: await seedDirectory(), systems: [NGHE_AN, TAY_NINH] });
  const server = await startServer(axis.app, { host: '127.0.0.1', port: 0 });
  try {
    return await work(server);
  } finally {
    await server.close();
    await axis.close();
  }
}

// About 30 KB on the wire: a 22 KB attachment, base64.
const packet30k = (): Uint8Array =>
  edocBytes({ attachments: [{ name: 'phu-luc.pdf', contentType: 'application/octet-stream', bytes: randomBytes(22_000) }] });

async function listVsBare(): Promise<void> {
  await withAxis(undefined, async (server) => {
    const sender = new AxisClient({ baseUrl: server.origin, ...NGHE_AN });
    for (let i = 0; i < LISTED_ITEMS; i += 1) await sender.sendEdoc(edocBytes());
    const receiver = new AxisClient({ baseUrl: server.origin, ...TAY_NINH });
    const reply = await receiver.getReceivedEdocList();
    const json = JSON.stringify(reply);
    const bare = new Hono();
    bare.post('/getReceivedEdocList', (c) => c.body(json, 200, { 'content-type': 'application/json' }));
    const bareServer = await startServer(bare, { host: '127.0.0.1', port: 0 });
    const bareClient = new AxisClient({ baseUrl: bareServer.origin, ...TAY_NINH });
    try {
      // Alternating rounds, median of each side: the machine is shared, and JIT warm-up and load
      // swings would otherwise favour whichever side runs second.
      const axisRates: number[] = [];
      const bareRates: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        axisRates.push(LIST_CALLS / (await timed(LIST_CALLS, CONCURRENCY, () => receiver.getReceivedEdocList())));
        bareRates.push(LIST_CALLS / (await timed(LIST_CALLS, CONCURRENCY, () => bareClient.getReceivedEdocList())));
      }
      const axisRate = median(axisRates);
      const bareRate = median(bareRates);
      process.stdout.write(
        `getReceivedEdocList (${LISTED_ITEMS} items, ${CONCURRENCY} in flight): axis ${axisRate.toFixed(0)} req/s, ` +
          `bare hono ${bareRate.toFixed(0)} req/s, ratio ${(axisRate / bareRate).toFixed(2)}× (goal ≥ 0.5×)\n`,
      );
    } finally {
      await bareServer.close();
    }
  });
}

async function sends(label: string, store: Store | undefined): Promise<void> {
  await withAxis(store, async (server) => {
    const sender = new AxisClient({ baseUrl: server.origin, ...NGHE_AN });
    const packets = Array.from({ length: SENDS }, packet30k);
    const seconds = await timed(SENDS, 1, async (i) => {
      const reply = await sender.sendEdoc(packets[i]);
      if (reply.status !== 'OK') throw new Error(reply.ErrorDesc);
    });
    process.stdout.write(
      `sendEdoc 30 KB, validated, ${label}: ${((seconds * 1000) / SENDS).toFixed(2)} ms/send, ${(SENDS / seconds).toFixed(0)} sends/s (sequential)\n`,
    );
  });
}

async function cycles(label: string, store: Store | undefined): Promise<void> {
  await withAxis(store, async (server) => {
    const sender = new AxisClient({ baseUrl: server.origin, ...NGHE_AN });
    const receiver = new AxisClient({ baseUrl: server.origin, ...TAY_NINH });
    const seconds = await timed(CYCLES, 1, async () => {
      await sender.sendEdoc(edocBytes());
      const [item] = (await receiver.getReceivedEdocList()).data;
      await receiver.getEdoc(item.docId);
      const ack = await receiver.updateStatus(item.docId, 'done');
      if (ack.status !== 'OK') throw new Error(ack.ErrorDesc);
    });
    process.stdout.write(`send → list → get → ack, ${label}: ${((seconds * 1000) / CYCLES).toFixed(2)} ms/cycle (sequential)\n`);
  });
}

export async function run(): Promise<void> {
  await listVsBare();
  const dir = await mkdtemp(join(tmpdir(), 'truc-axis-bench-'));
  try {
    await sends('memory store', undefined);
    await sends('embedded PGlite store', await openEmbeddedStore(join(dir, 'sends')));
    await cycles('memory store', undefined);
    await cycles('embedded PGlite store', await openEmbeddedStore(join(dir, 'cycles')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

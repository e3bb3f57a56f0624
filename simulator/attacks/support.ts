// Shared material for the attack regression tests and the fuzz target: an axis on a real HTTP port
// (127.0.0.1:0) over any store, raw signed requests (any header value, NUL included), and the
// evidence check that counts exchanges against journal entries.
import { createAxis, type Axis, type CreateAxisOptions } from '../axis.ts';
import { seedDirectory } from '../directory/seed.ts';
import { HASH_HEADER, HEADER_PREFIX, SIGN_HEADER, hmacHex } from '../protocol/signing.ts';
import { formatSdkTimestamp } from '../protocol/time.ts';
import { startServer, type RunningServer } from '../server.ts';
import { createMemoryStore } from '../store/memory.ts';
import { openEmbeddedStore, openPostgresStore } from '../store/sql/open.ts';
import { TEST_PG_URL, dropSchemas, preparedDataDir, randomSchema, removeDir } from '../store/sql/test-support.ts';
import type { Store } from '../store/types.ts';
import { NGHE_AN, TAY_NINH } from '../testing/fixtures.ts';

export const SAAS = { systemId: 'vxp.saas.02', secret: 'bi-mat-saas' };
export const CONTROL_TOKEN = 'attack-test-control-token';

export interface StoreKind {
  name: 'memory' | 'pglite' | 'postgres';
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

export const STORES: StoreKind[] = [
  { name: 'memory', open: async () => ({ store: createMemoryStore(), dispose: async () => {} }) },
  {
    name: 'pglite',
    open: async () => {
      const dir = await preparedDataDir();
      return { store: await openEmbeddedStore(dir), dispose: () => removeDir(dir) };
    },
  },
  {
    name: 'postgres',
    open: async () => {
      const schema = randomSchema();
      return { store: await openPostgresStore(TEST_PG_URL, { schema }), dispose: () => dropSchemas([schema]) };
    },
  },
];

export interface LiveAxis {
  axis: Axis;
  server: RunningServer;
  origin: string;
  /** Requests this test sent to the axis's operations (not the control API). */
  sent: number;
  /** Requests the HTTP server handed to the axis outside the control API (a client may retry one). */
  exchanges: number;
  stop(): Promise<void>;
}

export async function liveAxis(store: Store, options: CreateAxisOptions = {}, dispose: () => Promise<void> = async () => {}): Promise<LiveAxis> {
  const axis = await createAxis({
    store,
    directory: await seedDirectory(),
    systems: [NGHE_AN, TAY_NINH, SAAS],
    controlToken: CONTROL_TOKEN,
    ...options,
  });
  const live = { exchanges: 0 } as LiveAxis;
  const server = await startServer(
    {
      fetch: (request: Request, env?: never) => {
        if (!new URL(request.url).pathname.startsWith(axis.controlPrefix)) live.exchanges += 1;
        return axis.app.fetch(request, env);
      },
    },
    { host: '127.0.0.1', port: 0 },
  );
  return Object.assign(live, {
    axis,
    server,
    origin: server.origin,
    sent: 0,
    async stop() {
      await server.close();
      await axis.close();
      await dispose();
    },
  });
}

export interface RawCall {
  operation: string;
  systemId: string;
  /** The systemid inside the signed JSON, when it differs from the header's (it may hold NUL). */
  signedSystemId?: string;
  /** Signs with this secret (a wrong one to test refusals). */
  secret: string;
  /** Logical headers, any value (NUL, lone surrogates…): they travel only inside the signed JSON. */
  logical?: Record<string, string>;
  body?: Uint8Array | string;
  method?: 'GET' | 'POST';
  contentType?: string;
  timestamp?: string;
}

export interface RawReply {
  httpStatus: number;
  json?: Record<string, unknown>;
  text: string;
}

/** One request as a hostile client would write it: JSON.stringify escapes what a header could not carry. */
export async function rawCall(live: LiveAxis, call: RawCall): Promise<RawReply> {
  const logical: Record<string, string> = {
    [`${HEADER_PREFIX}systemid`]: call.signedSystemId ?? call.systemId,
    [`${HEADER_PREFIX}timestamp`]: call.timestamp ?? formatSdkTimestamp(new Date()),
  };
  for (const [name, value] of Object.entries(call.logical ?? {})) logical[`${HEADER_PREFIX}${name}`] = value;
  const signHeader = JSON.stringify(logical);
  const headers: Record<string, string> = {
    [`${HEADER_PREFIX}systemid`]: Buffer.from(call.systemId, 'utf8').toString('latin1'),
    [SIGN_HEADER]: Buffer.from(signHeader, 'utf8').toString('latin1'),
    [HASH_HEADER]: hmacHex(Buffer.from(signHeader, 'utf8'), call.secret),
  };
  if (call.contentType) headers['content-type'] = call.contentType;
  live.sent += 1;
  const response = await fetch(`${live.origin}/${call.operation}`, { method: call.method ?? 'POST', headers, body: call.method === 'GET' ? undefined : call.body });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { httpStatus: response.status, json, text };
}

export async function control(live: LiveAxis, path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<Response> {
  return fetch(`${live.origin}${live.axis.controlPrefix}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token === '' ? {} : { authorization: `Bearer ${init.token ?? CONTROL_TOKEN}` }),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
}

/** Journal entries of axis operations (control API calls are not exchanges with a system). */
export async function journalCount(live: LiveAxis): Promise<number> {
  let count = 0;
  let afterId = 0;
  for (;;) {
    const page = await live.axis.core.store.queryJournal({ afterId, limit: 5000 });
    if (page.length === 0) return count;
    count += page.filter((e) => !e.operation.startsWith('control:')).length;
    afterId = page[page.length - 1].id;
  }
}

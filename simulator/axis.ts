// The simulated axis: one core (store, directory, faults, journal events) behind hono layers —
// journal → dispatch → body → authentication → faults → operation — plus the control API. The same app
// serves `truc serve` (@hono/node-server), in-process tests (app.request) and msw handlers.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { DirectoryRecord } from '../edxml/types.ts';
import { Agencies } from './agencies.ts';
import { controlApp } from './control/index.ts';
import { ControlTokenError, controlTokenProblem } from './control/token.ts';
import type { TrustProvider } from './control/trust.ts';
import { JournalEvents, JournalLoss, RunEvents, type AxisCore, type AxisOptions } from './core.ts';
import { ALLOWED_TEST_IDS } from './directory/seed.ts';
import { FaultRegistry } from './faults.ts';
import { authLayer } from './http/auth.ts';
import { SignedHeaderLedger } from './http/replay.ts';
import { DEFAULT_PACKET_LIMITS, type PacketLimits } from './intake/limits.ts';
import { bodyLayer } from './http/body.ts';
import type { AxisEnv } from './http/context.ts';
import { fail } from './http/envelope.ts';
import { faultsLayer } from './http/faults.ts';
import { journalLayer } from './http/journal.ts';
import { operationLayer } from './http/operation-layer.ts';
import { axisOpenApi, controlOpenApi } from './openapi.ts';
import { foldSlashes } from './http/paths.ts';
import { ReservationRegistry } from './reservations.ts';
import { createMemoryStore } from './store/memory.ts';
import type { Store } from './store/types.ts';

export const DEFAULT_CONTROL_PREFIX = '/_truc/v1';
export const DEFAULT_MAX_BODY = 50 * 1024 * 1024;
export const DEFAULT_JOURNAL_BODY_CAP = 64 * 1024;
/** Sandbox policy: signed timestamps within 5 minutes of the axis clock. */
export const DEFAULT_REPLAY_WINDOW = 300;

export interface CreateAxisOptions {
  /** Default: a fresh in-memory store. */
  store?: Store;
  /** Where the operations are served (`/`, `/XrdAdapter/adapter`, …). */
  prefix?: string;
  controlPrefix?: string;
  /** Generated when absent; read it back from `axis.controlToken`. */
  controlToken?: string;
  strict?: boolean;
  maxBody?: number;
  /** Added to the built-in test ids (vxp.saas.02, 00.22.W00, 02.29.W00). */
  allowIds?: string[];
  hashPolicy?: 'reject' | 'warn';
  failListed?: boolean;
  journalBodyCap?: number;
  timestampWindowSeconds?: number;
  /** Accept each signed-header set once, for one operation (needs timestampWindowSeconds to bound its memory). */
  oneUseSignedHeaders?: boolean;
  /** Caps on one packet (defaults: 20,000 start tags, 1,000 recipients). */
  packetLimits?: Partial<PacketLimits>;
  trust?: TrustProvider;
  clock?: () => Date;
  /** Systems to connect at start (replacing a stored secret for the same id). */
  systems?: { systemId: string; secret: string }[];
  /** Directory seeded when the store has none yet. */
  directory?: DirectoryRecord[];
}

export interface Axis {
  app: Hono<AxisEnv>;
  core: AxisCore;
  events: JournalEvents;
  controlToken: string;
  controlPrefix: string;
  prefix: string;
  close(): Promise<void>;
}

const normalizePrefix = (prefix: string): string => {
  const trimmed = prefix.trim().replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
};

export async function createAxis(options: CreateAxisOptions = {}): Promise<Axis> {
  const store = options.store ?? createMemoryStore();
  const clock = options.clock ?? (() => new Date());
  const axisOptions: AxisOptions = {
    strict: options.strict ?? false,
    maxBody: options.maxBody ?? DEFAULT_MAX_BODY,
    allowIds: new Set([...ALLOWED_TEST_IDS, ...(options.allowIds ?? [])]),
    hashPolicy: options.hashPolicy ?? 'reject',
    failListed: options.failListed ?? true,
    journalBodyCap: options.journalBodyCap ?? DEFAULT_JOURNAL_BODY_CAP,
    timestampWindowSeconds: options.timestampWindowSeconds,
    packetLimits: { ...DEFAULT_PACKET_LIMITS, ...options.packetLimits },
  };
  const events = new JournalEvents();
  const runEvents = new RunEvents();
  runEvents.setMaxListeners(0);
  events.setMaxListeners(0);
  const agencies = new Agencies(store, axisOptions.allowIds);
  const core: AxisCore = {
    store,
    clock,
    options: axisOptions,
    agencies,
    reservations: new ReservationRegistry(store, agencies, clock),
    faults: new FaultRegistry(clock),
    events,
    journalLoss: new JournalLoss(),
    replay: options.oneUseSignedHeaders ? new SignedHeaderLedger((options.timestampWindowSeconds ?? DEFAULT_REPLAY_WINDOW) * 1000) : undefined,
    trust: options.trust,
    runEvents,
  };
  // Replicas on one PostgreSQL database: entries journaled by the others reach this one's followers.
  const unfollow = store.followJournal ? await store.followJournal((entry) => events.emit('entry', entry)) : undefined;
  if (options.directory && (await store.countAgencies()) === 0) await store.putAgencies(options.directory);
  for (const s of options.systems ?? []) await store.putSystem({ systemId: s.systemId, secret: s.secret, created: clock() });

  const prefix = normalizePrefix(options.prefix ?? '/');
  const controlPrefix = normalizePrefix(options.controlPrefix ?? DEFAULT_CONTROL_PREFIX);
  const controlToken = options.controlToken ?? randomBytes(24).toString('base64url');
  // In-process tests may use short tokens; an empty one would open the API (truc serve also refuses short ones).
  const tokenProblem = controlTokenProblem(controlToken, 1);
  if (tokenProblem) throw new ControlTokenError(tokenProblem);

  const axis = new Hono<AxisEnv>();
  axis.use('*', async (c, next) => {
    c.set('core', core);
    await next();
  });
  axis.use('*', journalLayer);
  axis.all('/:operation', operationLayer, bodyLayer, authLayer, faultsLayer, (c) => c.get('operation').handle(c));

  const app = new Hono<AxisEnv>({ getPath: foldSlashes });
  // For container health checks and load balancers: no credentials, and `ok` only when the store answers.
  app.get('/healthz', async (c) => {
    try {
      await store.countAgencies();
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });
  const control = controlApp(core, controlToken);
  // The OpenAPI descriptions, generated from the routes on first request; public like /healthz.
  let axisDoc: object | undefined;
  let controlDoc: object | undefined;
  app.get('/openapi.json', (c) => c.json((axisDoc ??= axisOpenApi(prefix))));
  app.get(`${controlPrefix}/openapi.json`, (c) => c.json((controlDoc ??= controlOpenApi(control as unknown as Hono<never>, controlPrefix))));
  app.route(controlPrefix, control as unknown as Hono<AxisEnv>);
  app.route(prefix, axis);
  app.notFound((c) => fail(c, 'UNKNOWN_OPERATION', new URL(c.req.url).pathname.slice(0, 64)));
  app.onError((e, c) => {
    // The client gets the envelope; the operator gets one line (never a stack trace) to act on.
    process.stderr.write(`truc: [AXIS-INTERNAL] Lỗi khi xử lý ${new URL(c.req.url).pathname} / Failure while handling it: ${e.message}\n`);
    return fail(c, 'INTERNAL');
  });

  const close = async () => {
    await unfollow?.();
    await store.close();
  };
  return { app, core, events, controlToken, controlPrefix, prefix, close };
}

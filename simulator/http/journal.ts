// Journal layer: lets the inner layers work, then records the exchange with secrets redacted,
// noting first whether the secret appeared (conformance T-05). The journal is the evidence the suite
// judges, so it fails closed: every string is made storable on every store (escaped, never dropped),
// and when the store still refuses the entry the client gets an error and the loss is counted.
import type { MiddlewareHandler } from 'hono';
import { escapeIllegalXmlChars } from '../../edxml/xml-chars.ts';
import { decodeHeaderValue } from '../protocol/logical-headers.ts';
import { HEADER_PREFIX, sha256 } from '../protocol/signing.ts';
import type { NewJournalEntry } from '../store/types.ts';
import type { AxisEnv, Exchange } from './context.ts';
import { fail } from './envelope.ts';

const REDACTED = '[redacted]';

function replaceAll(bytes: Uint8Array, needle: Buffer): Uint8Array {
  const out = Buffer.from(bytes);
  for (let i = out.indexOf(needle); i >= 0; i = out.indexOf(needle, i + needle.length)) out.fill(0x2a, i, i + needle.length);
  return out;
}

function secretAppears(request: Request, url: URL, exchange: Exchange, secret: string): boolean {
  if (secret === '') return false;
  const latin1Secret = Buffer.from(secret, 'utf8').toString('latin1');
  let seen = exchange.path.includes(secret) || safeDecode(url.search).includes(secret);
  request.headers.forEach((value, name) => {
    if (value.includes(latin1Secret) || name.includes(secret.toLowerCase())) seen = true;
  });
  return seen || Buffer.from(exchange.body).includes(Buffer.from(secret, 'utf8'));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Every string of a journal entry, with the secret replaced and illegal characters escaped (deep). */
function storable<T>(value: T, secret: string | undefined): T {
  if (typeof value === 'string') return escapeIllegalXmlChars(secret && value.includes(secret) ? value.split(secret).join(REDACTED) : value) as T;
  if (Array.isArray(value)) return value.map((v) => storable(v, secret)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k, secret), storable(v, secret)])) as T;
  }
  return value;
}

export const journalLayer: MiddlewareHandler<AxisEnv> = async (c, next) => {
  const core = c.get('core');
  const url = new URL(c.req.url);
  const time = core.clock();
  const exchange: Exchange = {
    time,
    startedMs: performance.now(),
    operation: 'unknown',
    method: c.req.method,
    path: url.pathname,
    remoteAddress: c.env?.incoming?.socket?.remoteAddress,
    agencies: new Set(),
    findings: [],
    body: new Uint8Array(0),
  };
  c.set('exchange', exchange);
  await next();

  // The authenticated system is at hand; otherwise look the claimed one up (also on paths that name
  // no operation), so a leak is caught and redacted even in a request that failed authentication.
  const claimed = exchange.claimedSystemId ?? claimedFromHeader(c.req.raw.headers);
  const system = c.get('caller') ?? (claimed ? await core.store.getSystem(claimed).catch(() => undefined) : undefined);
  const secret = system?.secret;
  const body = exchange.body;
  const headers: Record<string, string> = {};
  for (const [name, value] of exchange.logical?.entries ?? []) headers[name] = value;
  // The exchange belongs to the tenant of the system it was made as: a tenant sees requests made
  // in its systems' names, even failed ones, and nothing of anyone else's.
  const entry: NewJournalEntry = storable({
    time,
    run: await core.reservations.labelOf([exchange.caller ?? exchange.claimedSystemId, ...exchange.agencies]),
    tenant: system?.tenant,
    operation: exchange.operation,
    method: exchange.method,
    path: exchange.path,
    caller: exchange.caller ?? claimed,
    agencies: [...exchange.agencies],
    headers,
    hmacReading: exchange.hmacReading,
    secretSeen: secret !== undefined && secretAppears(c.req.raw, url, exchange, secret),
    outcome: exchange.outcome ?? { status: 'FAIL', errorCode: '', errorDesc: 'no reply' },
    httpStatus: exchange.dropped ? 0 : c.res.status,
    findings: exchange.findings,
    bodySha256: body.byteLength > 0 ? sha256(body).toString('hex') : undefined,
    bodyLength: body.byteLength,
    bodyExcerpt:
      body.byteLength > 0
        ? secret
          ? replaceAll(body.subarray(0, core.options.journalBodyCap), Buffer.from(secret, 'utf8'))
          : body.slice(0, core.options.journalBodyCap)
        : undefined,
    senderId: exchange.senderId,
    receiverIds: exchange.receiverIds,
    documentId: exchange.documentId,
    statusCode: exchange.statusCode,
    fault: exchange.fault,
    remoteAddress: exchange.remoteAddress,
    durationMs: Math.round((performance.now() - exchange.startedMs) * 1000) / 1000,
  }, secret);
  try {
    const stored = await core.store.appendJournal(entry);
    core.events.emit('entry', stored);
  } catch (e) {
    // An exchange without evidence must not look like a success: the client gets an error, the
    // loss is counted per run, and a run that lost an entry ends incomplete. (A send already stored
    // and then retried is delivered twice: idempotent sends are not built yet, docs/axis.md.)
    core.journalLoss.record(entry.run, entry.tenant);
    process.stderr.write(`truc: [AXIS-JOURNAL] Không ghi được nhật ký / Cannot write the journal: ${e instanceof Error ? e.message : String(e)}\n`);
    if (!exchange.dropped) c.res = fail(c, 'JOURNAL_UNAVAILABLE');
  }
};

function claimedFromHeader(headers: Headers): string | undefined {
  const value = headers.get(`${HEADER_PREFIX}systemid`);
  return value ? decodeHeaderValue(value) : undefined;
}

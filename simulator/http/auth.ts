// Authentication layer: signed logical headers, registered systemid, HMAC over the raw bytes.
import type { MiddlewareHandler } from 'hono';
import { readSignedHeaders, verifySignedHeaders } from '../protocol/logical-headers.ts';
import { parseSdkTimestamp } from '../protocol/time.ts';
import { escapeIllegalXmlChars, firstIllegalXmlChar } from '../../edxml/xml-chars.ts';
import type { LogicalHeaders } from '../protocol/logical-headers.ts';
import type { AxisEnv } from './context.ts';
import { fail } from './envelope.ts';

export const authLayer: MiddlewareHandler<AxisEnv> = async (c, next) => {
  const { core, exchange } = c.var;
  const signed = readSignedHeaders(c.req.raw.headers);
  exchange.logical = signed.logical;
  exchange.claimedSystemId = signed.ok ? signed.systemId : signed.claimedSystemId;
  if (exchange.claimedSystemId) exchange.agencies.add(exchange.claimedSystemId);
  // Refused before any store sees them: SQL stores cannot hold NUL, and every store must answer alike.
  const unstorable = unstorableHeader(signed.logical, exchange.claimedSystemId);
  if (unstorable !== undefined) return fail(c, 'UNSTORABLE_INPUT', unstorable);
  if (!signed.ok) return fail(c, signed.error, signed.detail);
  const system = await core.store.getSystem(signed.systemId);
  if (!system) return fail(c, 'UNKNOWN_SYSTEM', signed.systemId);
  const reading = verifySignedHeaders(signed, system.secret);
  if (!reading) return fail(c, 'AUTH_BAD_SIGNATURE');
  exchange.hmacReading = reading;
  exchange.caller = system.systemId;
  const window = core.options.timestampWindowSeconds;
  if (window !== undefined) {
    const stamp = parseSdkTimestamp(signed.logical.get('timestamp') ?? '');
    if (!stamp || Math.abs(core.clock().getTime() - stamp.getTime()) > window * 1000) return fail(c, 'TIMESTAMP_STALE');
  }
  if (core.replay) {
    const earlier = core.replay.use(signed.rawBytes, signed.hashHeader, exchange.operation, core.clock().getTime());
    if (earlier !== undefined) return fail(c, 'SIGNED_HEADERS_REUSED', earlier === exchange.operation ? 'da dung' : `da dung cho ${earlier}`);
  }
  c.set('caller', system);
  c.set('logical', signed.logical);
  await next();
};

/** The first header (name, escaped) holding a character outside XML's Char production. */
function unstorableHeader(logical: LogicalHeaders, systemId: string | undefined): string | undefined {
  if (systemId !== undefined && firstIllegalXmlChar(systemId) !== -1) return 'systemid';
  for (const [name, value] of logical.entries) {
    if (firstIllegalXmlChar(name) !== -1 || firstIllegalXmlChar(value) !== -1) return escapeIllegalXmlChars(name);
  }
  return undefined;
}

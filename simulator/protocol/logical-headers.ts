// Reading the signed logical headers of a request (spec axis-api §2). The HMAC covers the raw bytes
// of XroadVnpt-sign-header, never a re-serialisation: the Java client's key order is a HashMap's.
import { HASH_HEADER, HEADER_PREFIX, SIGN_HEADER, hmacHex, sameDigest } from './signing.ts';

/** Logical header values by name, looked up case-insensitively (`docId`/`docid`, `AgencyCode`). */
export class LogicalHeaders {
  private readonly byLowerName = new Map<string, string>();

  constructor(readonly entries: readonly (readonly [name: string, value: string])[]) {
    for (const [name, value] of entries) this.byLowerName.set(name.toLowerCase(), value);
  }

  get(name: string): string | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  toRecord(): Record<string, string> {
    return Object.fromEntries(this.entries);
  }
}

export type SignedHeadersResult =
  | {
      ok: true;
      systemId: string;
      logical: LogicalHeaders;
      /** The sign-header bytes as received (Node decodes header values as latin1). */
      rawBytes: Buffer;
      /** The received string re-encoded as UTF-8, as a client that signed a mangled string would have. */
      utf8Bytes: Buffer;
      hashHeader: string;
    }
  | { ok: false; error: 'AUTH_MISSING' | 'HEADER_MISMATCH'; detail: string; claimedSystemId?: string; logical: LogicalHeaders };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Header values arrive as latin1 characters; rebuild the bytes and read them as UTF-8 when they are. */
export function decodeHeaderValue(value: string): string {
  const bytes = Buffer.from(value, 'latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    return value;
  }
}

function parseSignHeader(text: string): [string, string][] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') return undefined;
    if (!key.toLowerCase().startsWith(HEADER_PREFIX.toLowerCase())) continue;
    entries.push([key.slice(HEADER_PREFIX.length), value]);
  }
  return entries;
}

/** The unsigned XroadVnpt-* headers, for the journal when a request cannot be authenticated. */
function unsignedLogical(headers: Headers): LogicalHeaders {
  const entries: [string, string][] = [];
  headers.forEach((value, name) => {
    if (name.startsWith(HEADER_PREFIX.toLowerCase()) && !name.startsWith('xroadvnpt-sign-header') && name !== HASH_HEADER.toLowerCase()) {
      entries.push([name.slice(HEADER_PREFIX.length), decodeHeaderValue(value)]);
    }
  });
  return new LogicalHeaders(entries);
}

export function readSignedHeaders(headers: Headers): SignedHeadersResult {
  const claimedSystemId = headers.get(`${HEADER_PREFIX}systemid`) ?? undefined;
  const signHeader = headers.get(SIGN_HEADER);
  const hashHeader = headers.get(HASH_HEADER);
  if (!claimedSystemId || signHeader === null || hashHeader === null) {
    const missing = [!claimedSystemId && 'systemid', signHeader === null && 'sign-header', hashHeader === null && 'hash-header'].filter(Boolean);
    return { ok: false, error: 'AUTH_MISSING', detail: `missing ${missing.join(', ')}`, claimedSystemId, logical: unsignedLogical(headers) };
  }
  const entries = parseSignHeader(decodeHeaderValue(signHeader));
  if (!entries) {
    return { ok: false, error: 'AUTH_MISSING', detail: 'sign-header is not a JSON object of strings', claimedSystemId, logical: unsignedLogical(headers) };
  }
  const logical = new LogicalHeaders(entries);
  for (const [name, value] of entries) {
    // A signed name that is no HTTP token cannot have come as a header too (and Headers.get would throw).
    const sent = HTTP_TOKEN.test(name) ? headers.get(`${HEADER_PREFIX}${name}`) : null;
    if (sent !== null && decodeHeaderValue(sent) !== value) {
      return { ok: false, error: 'HEADER_MISMATCH', detail: name, claimedSystemId, logical };
    }
  }
  const signedSystemId = logical.get('systemid');
  const systemId = decodeHeaderValue(claimedSystemId);
  if (signedSystemId !== undefined && signedSystemId !== systemId) {
    return { ok: false, error: 'HEADER_MISMATCH', detail: 'systemid', claimedSystemId: systemId, logical };
  }
  return {
    ok: true,
    systemId,
    logical,
    rawBytes: Buffer.from(signHeader, 'latin1'),
    utf8Bytes: Buffer.from(signHeader, 'utf8'),
    hashHeader,
  };
}

/** Which reading of the sign-header the HMAC matches, or undefined when neither does. */
export function verifySignedHeaders(
  signed: { rawBytes: Buffer; utf8Bytes: Buffer; hashHeader: string },
  secret: string,
): 'raw' | 'utf8' | undefined {
  if (sameDigest(hmacHex(signed.rawBytes, secret), signed.hashHeader)) return 'raw';
  if (!signed.utf8Bytes.equals(signed.rawBytes) && sameDigest(hmacHex(signed.utf8Bytes, secret), signed.hashHeader)) return 'utf8';
  return undefined;
}

// Signs a request's logical headers the way the Java SDK does: XroadVnpt-<name> headers, the
// sign-header-key list and compact sign-header JSON in HashMap order, and the HMAC of that JSON.
import { HASH_HEADER, HEADER_PREFIX, PROTOCOL_VERSION, SIGN_HEADER, SIGN_HEADER_KEY, VERSION_HEADER, hmacHex } from '../protocol/signing.ts';
import { javaHashMapOrder } from './java-order.ts';

export const JAVA_USER_AGENT = 'JAVASDKAgent/1.0.0 XRoad/VPCP';

export interface SignOptions {
  /** `java` (HashMap order, default) or `insertion` (as given). */
  order?: 'java' | 'insertion';
}

/** HTTP header values carry bytes: UTF-8 text is sent as its bytes (a latin1 string holds them). */
const wire = (value: string): string => Buffer.from(value, 'utf8').toString('latin1');

export function signHeaders(
  logical: readonly (readonly [name: string, value: string])[],
  secret: string,
  options: SignOptions = {},
): Record<string, string> {
  const byName = new Map(logical.map(([name, value]) => [`${HEADER_PREFIX}${name}`, value]));
  const keys = options.order === 'insertion' ? [...byName.keys()] : javaHashMapOrder([...byName.keys()]);
  const signHeader = JSON.stringify(Object.fromEntries(keys.map((k) => [k, byName.get(k) as string])));
  const headers: Record<string, string> = {};
  for (const key of keys) headers[key] = wire(byName.get(key) as string);
  headers[SIGN_HEADER_KEY] = keys.map((k) => k.slice(HEADER_PREFIX.length)).join(';');
  headers[SIGN_HEADER] = wire(signHeader);
  headers[HASH_HEADER] = hmacHex(Buffer.from(signHeader, 'utf8'), secret);
  headers[VERSION_HEADER] = PROTOCOL_VERSION;
  headers['User-Agent'] = JAVA_USER_AGENT;
  return headers;
}

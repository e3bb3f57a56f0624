// The cryptographic pieces of the wire protocol, shared by the server (auth, intake) and the
// client so that both sides use one implementation.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const HEADER_PREFIX = 'XroadVnpt-';
export const SIGN_HEADER_KEY = 'XroadVnpt-sign-header-key';
export const SIGN_HEADER = 'XroadVnpt-sign-header';
export const HASH_HEADER = 'XroadVnpt-hash-header';
export const VERSION_HEADER = 'XroadVnpt-version';
export const PROTOCOL_VERSION = '3.0.201608';

/** Lower-case hex HMAC-SHA256 of the sign-header bytes, keyed with UTF-8(secret). */
export function hmacHex(signHeader: Uint8Array, secret: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(signHeader).digest('hex');
}

/** Constant-time comparison of two hex digests (case-insensitive). */
export function sameDigest(expectedHex: string, receivedHex: string): boolean {
  const a = Buffer.from(expectedHex.toLowerCase(), 'utf8');
  const b = Buffer.from(receivedHex.trim().toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export const sha256 = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();

/** The Java SDK's `hash-file`: each byte as `%x`, no zero padding, so often under 64 characters. */
export function shortHashFile(bytes: Uint8Array): string {
  return Array.from(sha256(bytes), (b) => b.toString(16)).join('');
}

export const fullHashFile = (bytes: Uint8Array): string => sha256(bytes).toString('hex');

/** True when `hashFile` is the digest of `bytes` in either rendering. */
export function hashFileMatches(hashFile: string, bytes: Uint8Array): boolean {
  const given = hashFile.trim().toLowerCase();
  return given === fullHashFile(bytes) || given === shortHashFile(bytes);
}

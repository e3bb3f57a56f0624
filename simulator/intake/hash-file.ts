// Which bytes of a sendEdoc body are the packet: the Java client appends CRLF after the file,
// other clients do not, and a file may itself end in CRLF. hash-file decides.
import { hashFileMatches } from '../protocol/signing.ts';

export interface BodyMatch {
  bytes: Uint8Array;
  /** Whether the trailing CRLF was removed to match. */
  trimmedCrlf: boolean;
}

const endsWithCrlf = (b: Uint8Array): boolean => b.length >= 2 && b[b.length - 2] === 0x0d && b[b.length - 1] === 0x0a;

/** The body form hash-file matches (without the trailing CRLF first), or undefined. */
export function matchBody(body: Uint8Array, hashFile: string): BodyMatch | undefined {
  if (endsWithCrlf(body)) {
    const trimmed = body.subarray(0, body.length - 2);
    if (hashFileMatches(hashFile, trimmed)) return { bytes: trimmed, trimmedCrlf: true };
  }
  return hashFileMatches(hashFile, body) ? { bytes: body, trimmedCrlf: false } : undefined;
}

/** Without a matching hash-file (policy `warn`), the Java client's CRLF is still not part of the packet. */
export const withoutTrailingCrlf = (body: Uint8Array): Uint8Array => (endsWithCrlf(body) ? body.subarray(0, body.length - 2) : body);

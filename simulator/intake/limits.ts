// Bounded work per request: a packet's size in elements and recipients is capped before the
// validator and the router see it, so no single request can stall the axis (docs/axis.md, limits).
// Depth is bounded by the packet scanner itself (edxml/xml-scan.ts, MAX_DEPTH).

export interface PacketLimits {
  /** Most `<` start tags in a packet (default 20,000; real packets have about a hundred). */
  elements: number;
  /** Most recipients (To/OrganId) in one send (default 1,000). */
  recipients: number;
}

export const DEFAULT_PACKET_LIMITS: PacketLimits = { elements: 20_000, recipients: 1_000 };

/**
 * True when the bytes hold more than `max` start tags. Counts `<` followed by a name start, a cheap
 * upper bound (CDATA or comments may hold more) that never parses.
 */
export function exceedsElements(bytes: Uint8Array, max: number): boolean {
  let count = 0;
  for (let i = bytes.indexOf(0x3c); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(0x3c, i + 1)) {
    const next = bytes[i + 1];
    const nameStart = (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a) || next === 0x5f || next === 0x3a || next >= 0x80;
    if (nameStart && ++count > max) return true;
  }
  return false;
}

// Recipients come only from the packet, resolved through the directory: the two code forms of one
// agency are one recipient, and units registered under a system land in that system's inbox.
import type { Agencies, ResolvedAgency } from '../agencies.ts';
import type { Packet } from '../../edxml/types.ts';

export interface Recipient {
  /** The code as the packet wrote it (first occurrence). */
  written: string;
  agency: ResolvedAgency;
  inbox: string;
}

export type Routing = { ok: true; recipients: Recipient[]; duplicates: string[] } | { ok: false; unknown: string };

export async function routeRecipients(agencies: Agencies, codes: readonly string[]): Promise<Routing> {
  const byCanonical = new Map<string, Recipient>();
  const duplicates: string[] = [];
  for (const written of codes) {
    const agency = await agencies.resolve(written);
    if (!agency) return { ok: false, unknown: written };
    if (byCanonical.has(agency.canonical)) {
      duplicates.push(written);
      continue;
    }
    byCanonical.set(agency.canonical, { written, agency, inbox: await agencies.inboxOf(agency) });
  }
  return { ok: true, recipients: [...byCanonical.values()], duplicates };
}

/** The packet's recipients: To/OrganId for a document, ResponseFor/OrganId for a status. */
export function packetRecipients(packet: Packet): string[] {
  const codes =
    packet.kind === 'edoc' ? packet.header.to.map((o) => o.organId) : [packet.header.responseFor?.organId];
  return codes.map((c) => c?.trim()).filter((c): c is string => !!c);
}

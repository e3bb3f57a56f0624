// The one reading of an incoming packet: the edxml validator's, so that the findings the simulator
// journals are the ones `truc validate` and the conformance verdicts cite.
import type { Finding } from '../../edxml/finding.ts';
import type { Packet, PacketKind } from '../../edxml/types.ts';
import { validatePacket } from '../../edxml/validate.ts';
import type { AxisCore } from '../core.ts';
import type { StoredAgency } from '../store/types.ts';

export interface Inspection {
  kind: PacketKind;
  packet?: Packet;
  findings: Finding[];
}

/** `directory`: the request's snapshot (Agencies.snapshot), so the directory is read once per request. */
export async function inspectPacket(core: AxisCore, bytes: Uint8Array, directory?: readonly StoredAgency[]): Promise<Inspection> {
  const trust = core.trust;
  const crl = trust ? await trust.crl() : undefined;
  const { kind, packet, findings } = await validatePacket(bytes, {
    allowIds: [...core.options.allowIds],
    directory: directory ? [...directory] : await core.store.listAgencies({ includeDeleted: true }),
    trustAnchors: trust ? await trust.trustAnchors() : [],
    crls: crl ? [Buffer.from(crl)] : [],
    now: core.clock(),
  });
  return { kind, packet, findings };
}

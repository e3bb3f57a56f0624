// The stored form of a packet: its bytes plus the fields routing, matching and listing need.
import type { Packet } from '../../edxml/types.ts';
import { sha256 } from '../protocol/signing.ts';
import type { StoredPacket } from '../store/types.ts';

export function toStoredPacket(args: {
  senderId: string;
  bytes: Uint8Array;
  packet?: Packet;
  messageType: 'edoc' | 'status';
  serviceType: string;
  caller: string;
  injected: boolean;
  created: Date;
  /** The sender's tenant, when it has one. */
  tenant?: string;
}): StoredPacket {
  const { packet } = args;
  const base = {
    senderId: args.senderId,
    bytes: args.bytes,
    messageType: args.messageType,
    serviceType: args.serviceType,
    caller: args.caller,
    sha256: sha256(args.bytes).toString('hex'),
    injected: args.injected,
    created: args.created,
    ...(args.tenant === undefined ? {} : { tenant: args.tenant }),
  };
  if (!packet) return { ...base, kind: 'unknown' };
  if (packet.kind === 'status') {
    return {
      ...base,
      kind: 'status',
      from: packet.header.from?.organId,
      statusCode: packet.header.statusCode,
      responseFor: packet.header.responseFor && { ...packet.header.responseFor },
    };
  }
  const h = packet.header;
  return {
    ...base,
    kind: 'edoc',
    from: h.from?.organId,
    documentId: h.documentId,
    codeNumber: h.code?.codeNumber,
    codeNotation: h.code?.codeNotation,
    promulgationDate: h.promulgationInfo?.promulgationDate,
    subject: h.subject,
  };
}

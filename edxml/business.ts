// Which documents a business packet (revocation, update, replacement) concerns, as VNPT's own
// sample packets carry it (QCVN 102:2016, Bussiness): a revocation repeats the revoked document's
// header, so its MessageHeader/DocumentId names it (Bussiness/DocumentId may repeat it); an update
// names the updated document in Bussiness/DocumentId; a replacement names each replaced document in
// ReplacementInfo/DocumentId. The validator, the suite's cases and the reference agency all read
// business packets through this one function.
import type { EdocPacket } from './types.ts';

const present = (id: string | undefined): id is string => id !== undefined && id.trim() !== '';

/** The DocumentIds the packet concerns (trimmed, no duplicates); empty for a new document or when none is named. */
export function documentsConcerned(packet: EdocPacket): string[] {
  const b = packet.business;
  if (!b) return [];
  let ids: (string | undefined)[] = [];
  if (b.bussinessDocType === '1') ids = [present(b.documentId) ? b.documentId : packet.header.documentId];
  else if (b.bussinessDocType === '2') ids = [b.documentId];
  else if (b.bussinessDocType === '3') ids = [...b.replacements.map((r) => r.documentId), b.documentId];
  return [...new Set(ids.filter(present).map((id) => id.trim()))];
}

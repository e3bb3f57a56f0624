// The documents the suite delivered to the SUT during the run, as run-wide cases (R-03, ST-04,
// ST-06) see them: read from the injections in the journal, whichever case sent them.
import { parseDocumentId } from '../../../../edxml/document-id.ts';
import type { CaseDocument, FaultWindow } from '../../../case.ts';
import type { JournalEntry } from '../../../journal-view.ts';
import { header, inFaultWindow, injectionsToSut, packetOf } from './traffic.ts';

export interface DeliveredDocument {
  /** The document's identity as its issuer wrote it (the shape of a case's own documents). */
  document: CaseDocument;
  /** The injections that delivered it, oldest first (R-07 delivers one document twice). */
  deliveries: JournalEntry[];
  /** A revocation / update / replacement packet: answered with 15 or 16, not 01 (spec scope). */
  business: boolean;
}

/**
 * The identity of a delivered document: from its packet, or, when the journal kept only an excerpt
 * (a large document), from its DocumentId, which the suite always writes in the QCVN 102 shape.
 */
function identityOf(entry: JournalEntry): { document: CaseDocument; business: boolean } | undefined {
  const packet = packetOf(entry);
  if (packet) {
    if (packet.kind !== 'edoc') return undefined;
    const h = packet.header;
    const document: CaseDocument = {
      from: h.from?.organId ?? '',
      codeNumber: h.code?.codeNumber ?? '',
      codeNotation: h.code?.codeNotation ?? '',
      promulgationDate: h.promulgationInfo?.promulgationDate ?? '',
      documentId: h.documentId ?? '',
    };
    const type = packet.business?.bussinessDocType;
    return { document, business: type !== undefined && type !== '0' };
  }
  const parts = entry.documentId ? parseDocumentId(entry.documentId) : undefined;
  if (!parts || !entry.documentId) return undefined;
  const { organId: from, promulgationDate, codeNumber, codeNotation } = parts;
  return { document: { from, promulgationDate, codeNumber, codeNotation, documentId: entry.documentId }, business: false };
}

/**
 * Document packets (not status packets) delivered to the SUT outside fault windows, one per
 * DocumentId. Unreadable bytes (R-08 b) have no identity and are left out.
 */
export function deliveredDocuments(entries: readonly JournalEntry[], sutCode: string, windows: readonly FaultWindow[]): DeliveredDocument[] {
  const byId = new Map<string, DeliveredDocument>();
  const faulted = new Set<string>();
  for (const entry of injectionsToSut(entries, sutCode)) {
    if ((header(entry, 'messagetype') ?? 'edoc') !== 'edoc') continue;
    const identity = identityOf(entry);
    if (!identity || identity.document.documentId === '') continue;
    const id = identity.document.documentId;
    if (inFaultWindow(entry, windows)) faulted.add(id);
    const known = byId.get(id);
    if (known) known.deliveries.push(entry);
    else byId.set(id, { ...identity, deliveries: [entry] });
  }
  return [...byId.values()].filter((d) => !faulted.has(d.document.documentId));
}

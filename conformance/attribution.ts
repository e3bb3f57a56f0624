// Attribution (spec "Attribution"): the traffic that belongs to one case — entries naming one of
// its counterpart agencies or DocumentIds, the packets it injected, and any call on a receiver id
// those injections created. Kept incrementally: predicates ask for it on every journal event, so
// rescanning the whole journal each time would cost quadratic time over a run.
import type { JournalEntry } from './journal-view.ts';

export interface CaseIdentity {
  agencies: readonly string[];
  documentIds: readonly string[];
  senderIds: ReadonlySet<string>;
}

export class CaseTraffic {
  private own: JournalEntry[] = [];
  private receiverIds = new Set<string>();
  private scanned = 0;
  private lastScannedId: number | undefined;
  private identityKey = '';

  constructor(private readonly identity: () => CaseIdentity) {}

  /** The case's entries among `entries` (the run's journal, ordered by id). */
  of(entries: readonly JournalEntry[]): readonly JournalEntry[] {
    const id = this.identity();
    const key = `${id.agencies.length}/${id.documentIds.length}/${id.senderIds.size}`;
    // Rescan when the case gained an agency, document or packet (earlier entries may now be its
    // own), or when an entry arrived out of order before the scanned part.
    if (key !== this.identityKey || (this.scanned > 0 && entries[this.scanned - 1]?.id !== this.lastScannedId)) {
      this.identityKey = key;
      this.own = [];
      this.receiverIds = new Set();
      this.scanned = 0;
    }
    const agencies = new Set(id.agencies);
    const documentIds = new Set(id.documentIds);
    for (; this.scanned < entries.length; this.scanned++) {
      const e = entries[this.scanned];
      const docHeader = e.headers.docId ?? e.headers.docid;
      const mine =
        e.agencies.some((a) => agencies.has(a)) ||
        (e.documentId !== undefined && documentIds.has(e.documentId)) ||
        (e.senderId !== undefined && id.senderIds.has(e.senderId)) ||
        (docHeader !== undefined && this.receiverIds.has(docHeader));
      if (!mine) continue;
      for (const receiverId of e.receiverIds ?? []) this.receiverIds.add(receiverId);
      this.own.push(e);
    }
    this.lastScannedId = entries[entries.length - 1]?.id;
    return this.own;
  }
}

// The reference agency's own records (sổ văn bản đến / đi): what it received and answered, what it
// sent and what came back. A real document-management system keeps these in its database; they
// are what makes the agency idempotent — a document listed or delivered twice is registered once,
// a document already stored by the axis is never sent again.
import type { EdocPacket, ResponseFor } from '../../edxml/types.ts';

/** One document received and registered (vào sổ), keyed by its DocumentId. */
export interface ReceivedDocument {
  documentId: string;
  packet: EdocPacket;
  /** Processing statuses already queued for the issuer, in order (01, 03, 04, …). */
  statuses: string[];
  /** Accepted documents move 03 → 04 → 05 → 06, one step per poll cycle, unless stopped. */
  handling: 'in-progress' | 'finished' | 'rejected' | 'stopped';
}

/** One document (or business packet) this agency sent, keyed by its DocumentId. */
export interface SentDocument {
  documentId: string;
  packet: EdocPacket;
  recipients: string[];
  /** The axis sender id once a sendEdoc was answered OK; undefined while not yet stored. */
  senderId?: string;
  /** Status codes that came back, per recipient code as the axis lists it. */
  feedback: Map<string, string[]>;
  /** When the agency last asked getSentEdocList about it (ms since epoch). */
  lastFollowed?: number;
  sentAt?: number;
}

/** A delivery from the axis inbox (receiver id) and how far the agency got with it. */
export interface DeliveryRecord {
  receiverId: string;
  /** The packet was read and its consequences queued; only the acknowledgement may remain. */
  handled: boolean;
  /** The transport acknowledgement owed to the axis, until it is answered OK. */
  ack?: { state: 'done' | 'fail'; description?: string };
  acknowledged: boolean;
}

/** A status packet the agency must send, with what it answers (for ordering per document). */
export interface OutgoingStatus {
  statusCode: string;
  responseFor: ResponseFor;
  description?: string;
}

export class Ledger {
  readonly received = new Map<string, ReceivedDocument>();
  readonly sent = new Map<string, SentDocument>();
  readonly deliveries = new Map<string, DeliveryRecord>();
  /** Requests already answered that are not documents (13s), so a repeated one is answered once. */
  readonly answeredRequests = new Set<string>();
  /** Status packets received about documents we sent: DocumentId → codes in arrival order. */
  readonly feedbackByDocument = new Map<string, string[]>();

  delivery(receiverId: string): DeliveryRecord {
    let record = this.deliveries.get(receiverId);
    if (!record) {
      record = { receiverId, handled: false, acknowledged: false };
      this.deliveries.set(receiverId, record);
    }
    return record;
  }
}

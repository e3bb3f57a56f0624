// Receiving: list both inboxes, fetch each new delivery, judge it with the agency's own acceptance
// rules, acknowledge it (done for anything readable, fail for garbage), then hand it on: a document
// to answering.ts, a status packet recorded as feedback (or a 13 to business.ts).
import type { ReceivedItem } from '../../../simulator/client/replies.ts';
import type { EdocPacket, StatusPacket } from '../../../edxml/types.ts';
import { validatePacket, type ValidationReport } from '../../../edxml/validate.ts';
import { describeError } from './polling.ts';
import { RetryingAgency } from './retries.ts';

export abstract class ReceivingAgency extends RetryingAgency {
  protected async receiveDocuments(): Promise<void> {
    const items = await this.listInbox('edoc');
    for (const item of items) {
      await this.receiveDelivery(item);
      // Answer at once (01 within the receipt deadline), not after the whole inbox.
      await this.flushStatuses();
    }
  }

  protected async receiveStatuses(): Promise<void> {
    const items = await this.listInbox('status');
    for (const item of items) {
      await this.receiveDelivery(item);
      await this.flushStatuses();
    }
  }

  /** One listed delivery: fetch, read, record, acknowledge, answer. Listed again → only the ack. */
  protected async receiveDelivery(item: ReceivedItem): Promise<void> {
    const record = this.ledger.delivery(item.docId);
    if (!record.handled) {
      const bytes = await this.fetchPacket(item.docId);
      // Not fetched (dropped, refused): it stays listed and is tried again next cycle (F-02).
      if (!bytes) return;
      const report = await this.inspect(bytes);
      record.ack = this.acknowledgementFor(report);
      // The packet's own kind decides, whichever mailbox it came through.
      if (report.packet?.kind === 'edoc') await this.handleDocument(report.packet, report);
      else if (report.packet?.kind === 'status') await this.handleStatus(report.packet);
      record.handled = true;
    }
    if (!record.acknowledged && record.ack) record.acknowledged = await this.acknowledge(item.docId, record.ack.state, record.ack.description);
  }

  /** getEdoc returns the stored bytes, base64; undefined when the axis did not give them. */
  protected async fetchPacket(receiverId: string): Promise<Uint8Array | undefined> {
    try {
      const reply = await this.client.getEdoc(receiverId);
      if (reply.status !== 'OK') return undefined;
      return Uint8Array.from(Buffer.from(reply.data, 'base64'));
    } catch (e) {
      this.log(`không tải được ${receiverId} / fetch failed: ${describeError(e)}`);
      return undefined;
    }
  }

  /** The one validator, with the run's trust anchors and current CRL, and the directory read at start. */
  protected async inspect(bytes: Uint8Array): Promise<ValidationReport> {
    const trust = await this.options.trust();
    return validatePacket(bytes, {
      trustAnchors: trust.trustAnchors,
      crls: trust.crls,
      directory: this.directory,
      now: this.now(),
    });
  }

  /** Transport acknowledgement: `done` for anything readable, `fail` for garbage (R-08b). */
  protected acknowledgementFor(report: ValidationReport): { state: 'done' | 'fail'; description?: string } {
    if (report.packet) return { state: 'done' };
    return { state: 'fail', description: 'Goi tin khong doc duoc' };
  }

  /** A status packet in our status inbox: a 13 is answered; feedback on our documents is recorded. */
  protected async handleStatus(status: StatusPacket): Promise<void> {
    const code = status.header.statusCode ?? '';
    if (code === '13') {
      await this.handleTakeBack(status);
      return;
    }
    const documentId = status.header.responseFor?.documentId ?? '';
    const codes = this.ledger.feedbackByDocument.get(documentId) ?? [];
    codes.push(code);
    this.ledger.feedbackByDocument.set(documentId, codes);
  }

  protected abstract handleDocument(packet: EdocPacket, report: ValidationReport): Promise<void>;
  protected abstract handleTakeBack(status: StatusPacket): Promise<void>;
}

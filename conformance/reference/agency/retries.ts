// Retries: everything the agency sends leaves through two ordered outboxes (status feedback and
// documents, so a 01 never waits behind a large document) that retry with backoff and never send a
// stored packet twice; a failed acknowledgement is tried again next cycle.
import { Outbox, type OutboxItem, type RetryPolicy, type SendAttempt } from '../outbox.ts';
import { describeError, PollingAgency } from './polling.ts';

export abstract class RetryingAgency extends PollingAgency {
  /** Status feedback leaves through its own outbox, so a 01 never waits behind a large document. */
  protected readonly statusOutbox = new Outbox();

  protected readonly documentOutbox = new Outbox();

  /** Waits until both outboxes have nothing left to try. */
  protected async drainOutboxes(): Promise<void> {
    await this.statusOutbox.idle();
    await this.documentOutbox.idle();
  }

  protected flushStatuses(): Promise<void> {
    return this.statusOutbox.flush((item) => this.transmit(item), this.retryPolicy(), () => Date.now());
  }

  protected flushDocuments(): Promise<void> {
    return this.documentOutbox
      .flush((item) => this.transmit(item), this.retryPolicy(), () => Date.now())
      .catch((e) => this.log(`lỗi gửi / send error: ${describeError(e)}`));
  }

  /** Up to 3 refusals (I-05), generous for a silent axis (F-04), backoff doubling from 250 ms. */
  protected retryPolicy(): RetryPolicy {
    return { maxRefusals: 3, maxTransportFailures: 20, backoffMs: (failures) => Math.min(250 * 2 ** (failures - 1), 2_000) };
  }

  /** One sendEdoc try. A FAIL means nothing was stored; no answer is retried the same way. */
  protected async transmit(item: OutboxItem): Promise<SendAttempt> {
    try {
      const reply = await this.client.sendEdoc(item.bytes, { messagetype: item.messagetype, from: this.ownCode() });
      if (reply.status === 'OK') return { kind: 'stored', senderId: reply.DocId };
      return { kind: 'refused', errorCode: reply.ErrorCode, errorDesc: reply.ErrorDesc };
    } catch (e) {
      return { kind: 'no-answer', detail: describeError(e) };
    }
  }

  /** updateStatus; true when the axis answered OK (otherwise retried next cycle, F-03). */
  protected async acknowledge(receiverId: string, state: 'done' | 'fail', description?: string): Promise<boolean> {
    try {
      const reply = await this.client.updateStatus(receiverId, state, description);
      return reply.status === 'OK';
    } catch (e) {
      this.log(`xác nhận ${receiverId} lỗi / ack failed: ${describeError(e)}`);
      return false;
    }
  }

  protected async retryAcknowledgements(): Promise<void> {
    for (const record of this.ledger.deliveries.values()) {
      if (record.handled && !record.acknowledged && record.ack) {
        record.acknowledged = await this.acknowledge(record.receiverId, record.ack.state, record.ack.description);
      }
    }
  }
}

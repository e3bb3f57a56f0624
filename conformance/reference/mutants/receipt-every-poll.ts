// Defect: sends the 01 again on each of the next poll cycles after receiving a document (its "sent"
// flag is only set in memory by a callback that never runs), so one document yields several 01s.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

const REPEATS = 3;

class ReceiptEveryPollAgency extends ReferenceAgency {
  private readonly repeated = new Map<string, number>();

  protected override async advanceHandling(): Promise<void> {
    for (const received of this.ledger.received.values()) {
      if (!received.statuses.includes('01')) continue;
      const times = this.repeated.get(received.documentId) ?? 0;
      if (times >= REPEATS) continue;
      this.repeated.set(received.documentId, times + 1);
      this.queueStatusPacket(`${received.documentId}#01-${times}`, { statusCode: '01', responseFor: this.responseForOf(received.packet) });
    }
    await super.advanceHandling();
  }
}

export const receiptEveryPoll: MutantDefinition = {
  name: 'receipt-every-poll',
  defect: { vi: 'Gửi lại 01 ở mỗi chu kỳ hỏi trục', en: 'Sends the 01 again on every poll cycle' },
  make: (options) => new ReceiptEveryPollAgency(options),
  declaredFailing: ['R-06'],
};

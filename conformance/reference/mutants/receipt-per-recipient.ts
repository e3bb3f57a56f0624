// Defect: for a document addressed to several agencies, sends its 01 once per recipient in To.
import type { OutgoingStatus, ReceivedDocument } from '../ledger.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class ReceiptPerRecipientAgency extends ReferenceAgency {
  protected override queueStatus(received: ReceivedDocument, status: OutgoingStatus): void {
    const times = status.statusCode === '01' ? Math.max(1, received.packet.header?.to?.length ?? 1) : 1;
    for (let i = 0; i < times; i++) super.queueStatus(received, status);
  }
}

export const receiptPerRecipient: MutantDefinition = {
  name: 'receipt-per-recipient',
  defect: { vi: 'Gửi 01 một lần cho mỗi nơi nhận trong To', en: 'Sends its 01 once per recipient listed in To' },
  make: (options) => new ReceiptPerRecipientAgency(options),
  // Collateral: ST-03: a second 01 on the same track is an illegal transition.
  declaredFailing: ['R-06', 'ST-03'],
};

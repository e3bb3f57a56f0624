// Defect: queues the verdict (03) before the receipt (01): the two are sent in the wrong order.
import type { OutgoingStatus, ReceivedDocument } from '../ledger.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class AcceptedBeforeReceiptAgency extends ReferenceAgency {
  private readonly held = new Map<string, OutgoingStatus>();

  protected override queueStatus(received: ReceivedDocument, status: OutgoingStatus): void {
    if (status.statusCode === '01') {
      this.held.set(received.documentId, status);
      return;
    }
    super.queueStatus(received, status);
    const receipt = this.held.get(received.documentId);
    if (receipt && (status.statusCode === '03' || status.statusCode === '02')) {
      this.held.delete(received.documentId);
      super.queueStatus(received, receipt);
    }
  }
}

export const acceptedBeforeReceipt: MutantDefinition = {
  name: 'accepted-before-receipt',
  defect: { vi: 'Gửi 03 (hoặc 02) trước 01', en: 'Sends 03 (or 02) before 01' },
  make: (options) => new AcceptedBeforeReceiptAgency(options),
  declaredFailing: ['ST-03'],
};

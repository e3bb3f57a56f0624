// Defect (ST-04): never notifies receipt (01); goes straight to 03 or 02.
import type { OutgoingStatus, ReceivedDocument } from '../ledger.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class NoReceiptAgency extends ReferenceAgency {
  protected override queueStatus(received: ReceivedDocument, status: OutgoingStatus): void {
    if (status.statusCode !== '01') super.queueStatus(received, status);
  }
}

export const noReceipt: MutantDefinition = {
  name: 'no-receipt',
  defect: { vi: 'Không bao giờ gửi 01 (đã đến)', en: 'Never sends 01 (received)' },
  make: (options) => new NoReceiptAgency(options),
  // Collateral: Every case that waits for a 01 (or for 03 after it) fails with it; ST-03 sees 03 from the start.
  declaredFailing: ['ST-04', 'R-03', 'R-04', 'R-05', 'R-06', 'R-07', 'R-08', 'R-10', 'ST-03', 'I-04', 'F-04', 'F-05'],
};

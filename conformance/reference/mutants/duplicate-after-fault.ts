// Defect: once a send has failed, the retry that finally gets through is sent twice "to be sure",
// so a fault leaves a duplicate packet stored.
import { ReferenceAgency } from '../agency.ts';
import type { OutboxItem, SendAttempt } from '../outbox.ts';
import type { MutantDefinition } from './mutant.ts';

class DuplicateAfterFaultAgency extends ReferenceAgency {
  protected override async transmit(item: OutboxItem): Promise<SendAttempt> {
    const retrying = item.refusals + item.transportFailures > 0;
    const attempt = await super.transmit(item);
    if (retrying && attempt.kind === 'stored') await super.transmit(item);
    return attempt;
  }
}

export const duplicateAfterFault: MutantDefinition = {
  name: 'duplicate-after-fault',
  defect: { vi: 'Gửi trùng gói tin sau khi trục lỗi', en: 'Sends a duplicate packet after a fault' },
  make: (options) => new DuplicateAfterFaultAgency(options),
  declaredFailing: ['F-01', 'F-04'],
};

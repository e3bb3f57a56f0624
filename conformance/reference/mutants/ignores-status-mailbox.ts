// Defect: never reads its status mailbox (messagetype=status).
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class IgnoresStatusMailboxAgency extends ReferenceAgency {
  protected override async receiveStatuses(): Promise<void> {}
}

export const ignoresStatusMailbox: MutantDefinition = {
  name: 'ignores-status-mailbox',
  defect: { vi: 'Không bao giờ đọc hộp thư trạng thái', en: 'Never reads its status mailbox' },
  make: (options) => new IgnoresStatusMailboxAgency(options),
  // Collateral: S-07 and B-04 need statuses fetched from that mailbox (returning statuses, the 13).
  declaredFailing: ['R-11', 'S-07', 'B-04'],
};

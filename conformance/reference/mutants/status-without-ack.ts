// Defect: fetches the status packets that come back for its documents but never acknowledges them.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class StatusWithoutAckAgency extends ReferenceAgency {
  protected override async receiveStatuses(): Promise<void> {
    for (const item of await this.listInbox('status')) {
      const record = this.ledger.delivery(item.docId);
      if (record.handled) continue;
      const bytes = await this.fetchPacket(item.docId);
      if (!bytes) continue;
      const report = await this.inspect(bytes);
      if (report.packet?.kind === 'status') await this.handleStatus(report.packet);
      record.handled = true;
    }
  }
}

export const statusWithoutAck: MutantDefinition = {
  name: 'status-without-ack',
  defect: { vi: 'Lấy về gói tin trạng thái nhưng không xác nhận', en: 'Fetches status packets but never acknowledges them' },
  make: (options) => new StatusWithoutAckAgency(options),
  // Status deliveries addressed to it are never acknowledged, so they lack their terminal ack.
  declaredFailing: ['S-07', 'R-11', 'R-02'],
};

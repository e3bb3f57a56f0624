// Defect: acknowledges each listed delivery `done` as soon as it sees it in the list, and fetches it
// afterwards: the acknowledgement says nothing about whether the document was ever received.
import type { ReceivedItem } from '../../../simulator/client/replies.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class AckBeforeFetchAgency extends ReferenceAgency {
  protected override async receiveDelivery(item: ReceivedItem): Promise<void> {
    const record = this.ledger.delivery(item.docId);
    if (!record.acknowledged) {
      record.ack = { state: 'done' };
      record.acknowledged = await this.acknowledge(item.docId, 'done');
    }
    if (record.handled) return;
    const bytes = await this.fetchPacket(item.docId);
    if (!bytes) return;
    const report = await this.inspect(bytes);
    if (report.packet?.kind === 'edoc') await this.handleDocument(report.packet, report);
    else if (report.packet?.kind === 'status') await this.handleStatus(report.packet);
    record.handled = true;
  }
}

export const ackBeforeFetch: MutantDefinition = {
  name: 'ack-before-fetch',
  defect: { vi: 'Xác nhận done ngay khi thấy trong danh sách, trước khi lấy văn bản về', en: 'Acknowledges `done` on listing, before fetching the document' },
  make: (options) => new AckBeforeFetchAgency(options),
  declaredFailing: ['R-01'],
};

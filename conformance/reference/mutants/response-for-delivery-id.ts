// Defect: ResponseFor/DocumentId carries the axis's delivery id (the docId it fetched) instead of
// the document's own DocumentId — the id a system has at hand when it keys everything on deliveries.
import type { EdocPacket, ResponseFor } from '../../../edxml/types.ts';
import type { ValidationReport } from '../../../edxml/validate.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class DeliveryIdAgency extends ReferenceAgency {
  private lastFetched = '';
  private readonly deliveryOf = new WeakMap<object, string>();

  protected override fetchPacket(receiverId: string): Promise<Uint8Array | undefined> {
    this.lastFetched = receiverId;
    return super.fetchPacket(receiverId);
  }

  protected override async inspect(bytes: Uint8Array): Promise<ValidationReport> {
    const report = await super.inspect(bytes);
    if (report.packet) this.deliveryOf.set(report.packet, this.lastFetched);
    return report;
  }

  protected override responseForOf(packet: EdocPacket): ResponseFor {
    return { ...super.responseForOf(packet), documentId: this.deliveryOf.get(packet) ?? '' };
  }
}

export const responseForDeliveryId: MutantDefinition = {
  name: 'response-for-delivery-id',
  defect: {
    vi: 'Ghi mã lần chuyển của trục (docId) vào ResponseFor/DocumentId thay cho DocumentId của văn bản',
    en: 'Writes the axis delivery id (docId) in ResponseFor/DocumentId instead of the document’s DocumentId',
  },
  make: (options) => new DeliveryIdAgency(options),
  declaredFailing: ['R-03'],
};

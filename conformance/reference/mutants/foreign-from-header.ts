// Defect (T-02): revocation / update / replacement packets carry the supervising office's code in
// the `from` header, so the axis refuses them as not sent by the caller.
import { parsePacket } from '../../../edxml/parse.ts';
import { ReferenceAgency } from '../agency.ts';
import type { OutboxItem, SendAttempt } from '../outbox.ts';
import type { MutantDefinition } from './mutant.ts';

const SUPERVISING_OFFICE = '000.00.00.G22';

class ForeignFromHeaderAgency extends ReferenceAgency {
  protected override async transmit(item: OutboxItem): Promise<SendAttempt> {
    const packet = parsePacket(item.bytes).packet;
    const business = packet?.kind === 'edoc' && ['1', '2', '3'].includes(packet.business?.bussinessDocType ?? '');
    if (!business) return super.transmit(item);
    try {
      const reply = await this.client.sendEdoc(item.bytes, { messagetype: item.messagetype, from: SUPERVISING_OFFICE });
      return reply.status === 'OK' ? { kind: 'stored', senderId: reply.DocId } : { kind: 'refused', errorCode: reply.ErrorCode, errorDesc: reply.ErrorDesc };
    } catch (e) {
      return { kind: 'no-answer', detail: e instanceof Error ? e.message : String(e) };
    }
  }
}

export const foreignFromHeader: MutantDefinition = {
  name: 'foreign-from-header',
  defect: {
    vi: 'Gói tin thu hồi / cập nhật / thay thế mang mã cơ quan cấp trên trong tiêu đề from',
    en: 'Revocation / update / replacement packets carry the supervising office’s code in the from header',
  },
  make: (options) => new ForeignFromHeaderAgency(options),
  // Collateral: B-05 waits for the business packets the axis now refuses.
  declaredFailing: ['T-02', 'B-05'],
};

// Defect: answers a revocation / update / replacement with a 15/16 that identifies the original
// document (Bussiness/DocumentId) instead of the business packet itself.
import type { EdocPacket, ResponseFor } from '../../../edxml/types.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class AnswersBusinessAsOriginalAgency extends ReferenceAgency {
  protected override responseForOf(packet: EdocPacket): ResponseFor {
    const original = this.isBusinessPacket(packet) ? this.ledger.received.get(packet.business?.documentId ?? '') : undefined;
    return super.responseForOf(original?.packet ?? packet);
  }
}

export const answersBusinessAsOriginal: MutantDefinition = {
  name: 'answers-business-as-original',
  defect: {
    vi: 'Trả lời 15/16 cho gói tin nghiệp vụ bằng ResponseFor của văn bản gốc thay vì của chính gói tin đó',
    en: 'Answers a business packet with a 15/16 whose ResponseFor names the original document, not the business packet',
  },
  make: (options) => new AnswersBusinessAsOriginalAgency(options),
  declaredFailing: ['B-01'],
};

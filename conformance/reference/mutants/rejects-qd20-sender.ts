// Defect (I-04): rejects documents whose From is written in the QĐ 20/2020 form.
import { classifyOrganId } from '../../../edxml/identifiers.ts';
import type { EdocPacket } from '../../../edxml/types.ts';
import type { ValidationReport } from '../../../edxml/validate.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class RejectsQd20SenderAgency extends ReferenceAgency {
  protected override shouldAccept(report: ValidationReport, packet: EdocPacket): boolean {
    return classifyOrganId(packet.header.from?.organId ?? '') !== 'qd20' && super.shouldAccept(report, packet);
  }
}

export const rejectsQd20Sender: MutantDefinition = {
  name: 'rejects-qd20-sender',
  defect: { vi: 'Từ chối văn bản có From dạng QĐ 20', en: 'Rejects documents whose From uses the QĐ 20 form' },
  make: (options) => new RejectsQd20SenderAgency(options),
  declaredFailing: ['I-04'],
};

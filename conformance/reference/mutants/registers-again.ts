// Defect: forgets what it registered, so a document delivered again is registered again.
import type { EdocPacket } from '../../../edxml/types.ts';
import type { ValidationReport } from '../../../edxml/validate.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class RegistersAgainAgency extends ReferenceAgency {
  protected override handleDocument(packet: EdocPacket, report: ValidationReport): Promise<void> {
    this.ledger.received.delete(packet.header.documentId ?? '');
    return super.handleDocument(packet, report);
  }
}

export const registersAgain: MutantDefinition = {
  name: 'registers-again',
  defect: { vi: 'Văn bản chuyển lại được đăng ký lại (01, 03 lần hai)', en: 'A document delivered again is registered again (a second 01 and 03)' },
  make: (options) => new RegistersAgainAgency(options),
  // Collateral: ST-03: 01 after 03 on the same document is an illegal transition.
  declaredFailing: ['R-07', 'ST-03'],
};

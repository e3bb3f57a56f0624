// Defect: never answers a revocation (BussinessDocType 1).
import type { EdocPacket } from '../../../edxml/types.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class IgnoresRevocationAgency extends ReferenceAgency {
  protected override async handleBusiness(packet: EdocPacket): Promise<void> {
    if (packet.business?.bussinessDocType !== '1') await super.handleBusiness(packet);
  }
}

export const ignoresRevocation: MutantDefinition = {
  name: 'ignores-revocation',
  defect: { vi: 'Không trả lời văn bản thu hồi', en: 'Never answers a revocation' },
  make: (options) => new IgnoresRevocationAgency(options),
  declaredFailing: ['B-01'],
};

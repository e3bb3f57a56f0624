// Defect: never answers an update of recipients (BussinessDocType 2).
import type { EdocPacket } from '../../../edxml/types.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class IgnoresUpdateAgency extends ReferenceAgency {
  protected override async handleBusiness(packet: EdocPacket): Promise<void> {
    if (packet.business?.bussinessDocType !== '2') await super.handleBusiness(packet);
  }
}

export const ignoresUpdate: MutantDefinition = {
  name: 'ignores-update',
  defect: { vi: 'Không trả lời văn bản cập nhật nơi nhận', en: 'Never answers an update of recipients' },
  make: (options) => new IgnoresUpdateAgency(options),
  declaredFailing: ['B-02'],
};

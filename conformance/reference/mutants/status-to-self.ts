// Defect (ST-06): addresses its statuses to itself (ResponseFor/OrganId = its own code) instead of
// the document's issuer.
import type { EdocPacket, ResponseFor } from '../../../edxml/types.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class StatusToSelfAgency extends ReferenceAgency {
  protected override responseForOf(packet: EdocPacket): ResponseFor {
    return { ...super.responseForOf(packet), organId: this.ownCode() };
  }
}

export const statusToSelf: MutantDefinition = {
  name: 'status-to-self',
  defect: { vi: 'Gửi trạng thái cho chính mình thay vì cơ quan ban hành', en: 'Addresses its statuses to itself instead of the issuer' },
  make: (options) => new StatusToSelfAgency(options),
  // Collateral: R-03 and I-04 compare ResponseFor/OrganId with the issuer.
  declaredFailing: ['ST-06', 'R-03', 'I-04'],
};

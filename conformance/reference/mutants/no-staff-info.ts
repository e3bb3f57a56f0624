// Defect (ST-01): status packets carry no StaffInfo.
import { composeStatus } from '../../../edxml/compose.ts';
import type { StatusPacket } from '../../../edxml/types.ts';
import type { OutgoingStatus } from '../ledger.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class NoStaffInfoAgency extends ReferenceAgency {
  protected override buildStatus(status: OutgoingStatus): StatusPacket {
    return composeStatus({
      from: this.ownOrganization(),
      responseFor: status.responseFor,
      statusCode: status.statusCode,
      description: status.description,
      timestamp: this.timestamp(),
    });
  }
}

export const noStaffInfo: MutantDefinition = {
  name: 'no-staff-info',
  defect: { vi: 'Gói tin trạng thái không có StaffInfo', en: 'Status packets carry no StaffInfo' },
  make: (options) => new NoStaffInfoAgency(options),
  declaredFailing: ['ST-01'],
};

// Defect (ST-03): sends 04 (assigned) twice before 05; only 05 may repeat.
import type { ReceivedDocument } from '../ledger.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class RepeatsAssignmentAgency extends ReferenceAgency {
  protected override nextHandlingStatus(received: ReceivedDocument): string | undefined {
    const assigned = received.statuses.filter((code) => code === '04').length;
    return received.statuses.at(-1) === '04' && assigned === 1 ? '04' : super.nextHandlingStatus(received);
  }
}

export const repeatsAssignment: MutantDefinition = {
  name: 'repeats-assignment',
  defect: { vi: 'Gửi 04 (phân công) hai lần liên tiếp', en: 'Sends 04 (assigned) twice in a row' },
  make: (options) => new RepeatsAssignmentAgency(options),
  declaredFailing: ['ST-03'],
};

// Defect (ST-05): rejects (02) with an empty Description.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class RejectsWithoutReasonAgency extends ReferenceAgency {
  protected override rejectionReason(): string {
    return '';
  }
}

export const rejectsWithoutReason: MutantDefinition = {
  name: 'rejects-without-reason',
  defect: { vi: 'Từ chối (02) không nêu lý do', en: 'Rejects (02) without a reason' },
  make: (options) => new RejectsWithoutReasonAgency(options),
  // Collateral: ask for a 02 with a reason.
  declaredFailing: ['ST-05', 'R-08', 'R-09'],
};

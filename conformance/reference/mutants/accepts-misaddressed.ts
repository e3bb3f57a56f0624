// Defect: never checks To, so a document not addressed to it is registered anyway.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class AcceptsMisaddressedAgency extends ReferenceAgency {
  protected override addressedToMe(): boolean {
    return true;
  }
}

export const acceptsMisaddressed: MutantDefinition = {
  name: 'accepts-misaddressed',
  defect: { vi: 'Không kiểm tra To: tiếp nhận văn bản gửi nhầm', en: 'Never checks To: registers wrongly addressed documents' },
  make: (options) => new AcceptsMisaddressedAgency(options),
  declaredFailing: ['R-09'],
};

// Defect: never answers a take-back request (13).
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class IgnoresTakeBackAgency extends ReferenceAgency {
  protected override async handleTakeBack(): Promise<void> {}
}

export const ignoresTakeBack: MutantDefinition = {
  name: 'ignores-take-back',
  defect: { vi: 'Không trả lời yêu cầu lấy lại (13)', en: 'Never answers a take-back request (13)' },
  make: (options) => new IgnoresTakeBackAgency(options),
  declaredFailing: ['B-04'],
};

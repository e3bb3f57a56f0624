// Defect (T-06): polls the axis every 80 ms (two polling calls a cycle: 25 a second), above the ceiling of 10.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class PollsTooFastAgency extends ReferenceAgency {
  protected override pollInterval(): number {
    return 80;
  }
}

export const pollsTooFast: MutantDefinition = {
  name: 'polls-too-fast',
  defect: { vi: 'Hỏi trục mỗi 80 ms', en: 'Polls the axis every 80 ms' },
  make: (options) => new PollsTooFastAgency(options),
  declaredFailing: ['T-06'],
};

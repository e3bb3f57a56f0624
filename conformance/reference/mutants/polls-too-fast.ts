// Defect (T-06): polls the axis every 20 ms, far above the ceiling of 10 polling calls a second.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class PollsTooFastAgency extends ReferenceAgency {
  protected override pollInterval(): number {
    return 20;
  }
}

export const pollsTooFast: MutantDefinition = {
  name: 'polls-too-fast',
  defect: { vi: 'Hỏi trục mỗi 20 ms', en: 'Polls the axis every 20 ms' },
  make: (options) => new PollsTooFastAgency(options),
  declaredFailing: ['T-06'],
};

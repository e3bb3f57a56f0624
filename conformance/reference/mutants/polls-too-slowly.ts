// Defect: polls the axis every 30 s (a scheduler set in minutes read as seconds, or a cron job):
// documents wait in the inbox far longer than any response deadline.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class PollsTooSlowlyAgency extends ReferenceAgency {
  protected override pollInterval(): number {
    return 30_000;
  }
}

export const pollsTooSlowly: MutantDefinition = {
  name: 'polls-too-slowly',
  defect: { vi: 'Hỏi trục 30 giây một lần', en: 'Polls the axis every 30 seconds' },
  make: (options) => new PollsTooSlowlyAgency(options),
  declaredFailing: ['T-06'],
};

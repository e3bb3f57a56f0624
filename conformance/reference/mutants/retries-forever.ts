// Defect (I-05): retries a refused send (e.g. an unknown recipient) without limit.
import { ReferenceAgency } from '../agency.ts';
import type { RetryPolicy } from '../outbox.ts';
import type { MutantDefinition } from './mutant.ts';

class RetriesForeverAgency extends ReferenceAgency {
  protected override retryPolicy(): RetryPolicy {
    return { ...super.retryPolicy(), maxRefusals: Number.POSITIVE_INFINITY };
  }
}

export const retriesForever: MutantDefinition = {
  name: 'retries-forever',
  defect: { vi: 'Gửi lại mãi khi trục từ chối', en: 'Retries a refused send forever' },
  make: (options) => new RetriesForeverAgency(options),
  declaredFailing: ['I-05'],
};

// Defect: gives up a packet at the first FAIL instead of retrying.
import { ReferenceAgency } from '../agency.ts';
import type { RetryPolicy } from '../outbox.ts';
import type { MutantDefinition } from './mutant.ts';

class NoRetryAfterFailAgency extends ReferenceAgency {
  protected override retryPolicy(): RetryPolicy {
    return { ...super.retryPolicy(), maxRefusals: 1 };
  }
}

export const noRetryAfterFail: MutantDefinition = {
  name: 'no-retry-after-fail',
  defect: { vi: 'Bỏ gói tin ngay sau lần bị từ chối (FAIL) đầu tiên', en: 'Gives a packet up at the first FAIL' },
  make: (options) => new NoRetryAfterFailAgency(options),
  declaredFailing: ['F-01'],
};

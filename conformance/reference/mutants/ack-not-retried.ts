// Defect: acknowledges each delivery once; a failed updateStatus is never tried again.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class AckNotRetriedAgency extends ReferenceAgency {
  private readonly tried = new Set<string>();

  protected override async acknowledge(receiverId: string, state: 'done' | 'fail', description?: string): Promise<boolean> {
    if (this.tried.has(receiverId)) return true;
    this.tried.add(receiverId);
    await super.acknowledge(receiverId, state, description);
    return true;
  }
}

export const ackNotRetried: MutantDefinition = {
  name: 'ack-not-retried',
  defect: { vi: 'Không xác nhận lại khi updateStatus lỗi', en: 'Never retries a failed updateStatus' },
  make: (options) => new AckNotRetriedAgency(options),
  declaredFailing: ['F-03'],
};

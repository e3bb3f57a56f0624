// Defect: acknowledges every delivery twice (a retry wrapper around a call that succeeded).
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class DoubleAckAgency extends ReferenceAgency {
  protected override async acknowledge(receiverId: string, state: 'done' | 'fail', description?: string): Promise<boolean> {
    await super.acknowledge(receiverId, state, description);
    return super.acknowledge(receiverId, state, description);
  }
}

export const doubleAck: MutantDefinition = {
  name: 'double-ack',
  defect: { vi: 'Xác nhận mỗi lần chuyển hai lần', en: 'Acknowledges every delivery twice' },
  make: (options) => new DoubleAckAgency(options),
  declaredFailing: ['R-02'],
};

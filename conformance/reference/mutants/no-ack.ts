// Defect: never acknowledges a delivery (updateStatus), so every delivery stays in its inbox.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class NoAckAgency extends ReferenceAgency {
  protected override async acknowledge(): Promise<boolean> {
    return true;
  }
}

export const noAck: MutantDefinition = {
  name: 'no-ack',
  defect: { vi: 'Không bao giờ xác nhận đã nhận (updateStatus)', en: 'Never acknowledges a delivery (updateStatus)' },
  make: (options) => new NoAckAgency(options),
  // Every case that waits for an acknowledgement: receiving, status
  // packets coming back (S-07), business packets and 13s (B-01…B-04) and the resilience flows.
  declaredFailing: ['R-01', 'R-02', 'R-07', 'R-08', 'R-11', 'S-07', 'B-01', 'B-02', 'B-03', 'B-04', 'F-02', 'F-03', 'F-05'],
};

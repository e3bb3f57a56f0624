// Defect: after accepting a document (03), a later step of its workflow rejects it with a 02: the
// track 01 → 03 → 02 is illegal (02 only answers a document not yet accepted).
import type { ReceivedDocument } from '../ledger.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class RejectsAfterAcceptingAgency extends ReferenceAgency {
  protected override nextHandlingStatus(received: ReceivedDocument): string | undefined {
    return received.statuses.at(-1) === '03' ? '02' : undefined;
  }

  protected override async advanceHandling(): Promise<void> {
    for (const received of this.ledger.received.values()) {
      if (received.handling !== 'in-progress') continue;
      if (this.nextHandlingStatus(received) === '02') {
        this.queueStatus(received, { statusCode: '02', responseFor: this.responseForOf(received.packet), description: 'Khong thuoc tham quyen xu ly' });
      }
      received.handling = 'finished';
    }
  }
}

export const rejectsAfterAccepting: MutantDefinition = {
  name: 'rejects-after-accepting',
  defect: { vi: 'Gửi 02 sau khi đã gửi 03', en: 'Sends a 02 after its 03' },
  make: (options) => new RejectsAfterAcceptingAgency(options),
  declaredFailing: ['ST-03'],
};

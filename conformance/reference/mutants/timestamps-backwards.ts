// Defect: each status about a document is stamped one minute earlier than the one before (a clock
// read from the document's queue position): its timestamps go backwards, though each stays
// within minutes of the truth.
import type { StatusPacket } from '../../../edxml/types.ts';
import type { OutgoingStatus, ReceivedDocument } from '../ledger.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';
import { vietnamTimestamp } from '../../../edxml/dates.ts';

const STEP_MS = 60_000;

class TimestampsBackwardsAgency extends ReferenceAgency {
  private back = 0;

  protected override queueStatus(received: ReceivedDocument, status: OutgoingStatus): void {
    this.back = received.statuses.length;
    try {
      super.queueStatus(received, status);
    } finally {
      this.back = 0;
    }
  }

  protected override buildStatus(status: OutgoingStatus): StatusPacket {
    const packet = super.buildStatus(status);
    packet.header.timestamp = vietnamTimestamp(new Date(this.now().getTime() - this.back * STEP_MS));
    return packet;
  }
}

export const timestampsBackwards: MutantDefinition = {
  name: 'timestamps-backwards',
  defect: { vi: 'Timestamp các trạng thái của một văn bản giảm dần', en: 'The status timestamps of a document go backwards' },
  make: (options) => new TimestampsBackwardsAgency(options),
  declaredFailing: ['ST-03'],
};

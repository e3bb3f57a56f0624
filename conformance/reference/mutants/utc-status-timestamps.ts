// Defect: writes status Timestamps in UTC (the server's zone) instead of Vietnam time: 7 hours behind.
import type { StatusPacket } from '../../../edxml/types.ts';
import type { OutgoingStatus } from '../ledger.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

const utcTimestamp = (d: Date): string => `${d.toISOString().slice(0, 10).replace(/-/g, '/')} ${d.toISOString().slice(11, 19)}`;

class UtcStatusTimestampsAgency extends ReferenceAgency {
  protected override buildStatus(status: OutgoingStatus): StatusPacket {
    const packet = super.buildStatus(status);
    packet.header.timestamp = utcTimestamp(this.now());
    return packet;
  }
}

export const utcStatusTimestamps: MutantDefinition = {
  name: 'utc-status-timestamps',
  defect: { vi: 'Ghi Timestamp của trạng thái theo giờ UTC thay vì giờ Việt Nam', en: 'Writes status Timestamps in UTC instead of Vietnam time' },
  make: (options) => new UtcStatusTimestampsAgency(options),
  declaredFailing: ['ST-07'],
};

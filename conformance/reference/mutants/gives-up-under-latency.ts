// Defect: treats a fetch slower than 800 ms as failed, so under latency nothing is ever received.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

const PATIENCE_MS = 800;

class GivesUpUnderLatencyAgency extends ReferenceAgency {
  protected override async fetchPacket(receiverId: string): Promise<Uint8Array | undefined> {
    const started = Date.now();
    const bytes = await super.fetchPacket(receiverId);
    return Date.now() - started > PATIENCE_MS ? undefined : bytes;
  }
}

export const givesUpUnderLatency: MutantDefinition = {
  name: 'gives-up-under-latency',
  defect: { vi: 'Bỏ cuộc khi trục chậm (quá 800 ms mỗi lần lấy)', en: 'Gives up when the axis is slow (fetches over 800 ms)' },
  make: (options) => new GivesUpUnderLatencyAgency(options),
  declaredFailing: ['F-05'],
};

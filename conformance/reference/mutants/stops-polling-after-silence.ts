// Defect: the first time listing its inbox gets no answer, it stops polling for good.
import type { ReceivedItem } from '../../../simulator/client/replies.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class StopsPollingAfterSilenceAgency extends ReferenceAgency {
  private deaf = false;

  protected override async listInbox(messagetype: 'edoc' | 'status'): Promise<ReceivedItem[]> {
    if (this.deaf) return [];
    try {
      const reply = await this.client.getReceivedEdocList({ messagetype });
      return reply.status === 'OK' ? reply.data : [];
    } catch {
      this.deaf = true;
      return [];
    }
  }
}

export const stopsPollingAfterSilence: MutantDefinition = {
  name: 'stops-polling-after-silence',
  defect: { vi: 'Ngừng hỏi trục sau khi trục im lặng', en: 'Stops polling once the axis has been silent' },
  make: (options) => new StopsPollingAfterSilenceAgency(options),
  declaredFailing: ['F-04'],
};

// Defect: sends every status packet with messagetype=edoc (one send routine for everything).
import { ReferenceAgency } from '../agency.ts';
import type { OutboxItem, SendAttempt } from '../outbox.ts';
import type { MutantDefinition } from './mutant.ts';

class StatusesAsEdocAgency extends ReferenceAgency {
  protected override transmit(item: OutboxItem): Promise<SendAttempt> {
    return super.transmit({ ...item, messagetype: 'edoc' });
  }
}

export const statusesAsEdoc: MutantDefinition = {
  name: 'statuses-as-edoc',
  defect: { vi: 'Gửi mọi gói tin trạng thái với messagetype=edoc', en: 'Sends every status packet with messagetype=edoc' },
  make: (options) => new StatusesAsEdocAgency(options),
  declaredFailing: ['T-04'],
};

// Defect (T-04): answers to business requests (15, 16) are sent with messagetype=edoc, so the axis
// refuses them as contradicting the packet.
import { parsePacket } from '../../../edxml/parse.ts';
import { ReferenceAgency } from '../agency.ts';
import type { OutboxItem, SendAttempt } from '../outbox.ts';
import type { MutantDefinition } from './mutant.ts';

class AnswersAsEdocAgency extends ReferenceAgency {
  protected override transmit(item: OutboxItem): Promise<SendAttempt> {
    const packet = parsePacket(item.bytes).packet;
    const answer = packet?.kind === 'status' && ['15', '16'].includes(packet.header.statusCode ?? '');
    return super.transmit(answer ? { ...item, messagetype: 'edoc' } : item);
  }
}

export const answersAsEdoc: MutantDefinition = {
  name: 'answers-as-edoc',
  defect: {
    vi: 'Gửi trả lời 15/16 với messagetype=edoc',
    en: 'Sends its 15/16 answers with messagetype=edoc',
  },
  make: (options) => new AnswersAsEdocAgency(options),
  // Collateral: B-01..B-04 wait for the 15/16 the axis now refuses.
  declaredFailing: ['T-04', 'B-01', 'B-02', 'B-03', 'B-04'],
};

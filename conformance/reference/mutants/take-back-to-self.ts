// Defect: addresses its take-back request (13) to itself instead of the document's recipient.
import type { TriggerJson } from '../../drivers/trigger.ts';
import { ReferenceAgency, type TriggerAnswer } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class TakeBackToSelfAgency extends ReferenceAgency {
  protected override takeBack(trigger: TriggerJson): Promise<TriggerAnswer> {
    return super.takeBack({ ...trigger, to: [this.ownCode()] });
  }
}

export const takeBackToSelf: MutantDefinition = {
  name: 'take-back-to-self',
  defect: { vi: 'Gửi yêu cầu lấy lại (13) cho chính mình thay vì nơi nhận', en: 'Sends its take-back request (13) to itself instead of the recipient' },
  make: (options) => new TakeBackToSelfAgency(options),
  // It receives its own 13 and answers it, a 15 no business request on that track asked for (ST-03).
  declaredFailing: ['B-06', 'ST-03'],
};

// Defect: addresses its take-back request (13) to the Government Office, an agency that never
// received the document, instead of the document's recipient.
import type { TriggerJson } from '../../drivers/trigger.ts';
import { ReferenceAgency, type TriggerAnswer } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

/** Văn phòng Chính phủ: in the seeded directory, so the axis routes the 13 there. */
const UNINVOLVED_AGENCY = '000.00.00.G22';

class TakeBackToWrongAgencyAgency extends ReferenceAgency {
  protected override takeBack(trigger: TriggerJson): Promise<TriggerAnswer> {
    return super.takeBack({ ...trigger, to: [UNINVOLVED_AGENCY] });
  }
}

export const takeBackToWrongAgency: MutantDefinition = {
  name: 'take-back-to-wrong-agency',
  defect: {
    vi: 'Gửi yêu cầu lấy lại (13) tới cơ quan không nhận văn bản',
    en: 'Sends its take-back request (13) to an agency that did not receive the document',
  },
  make: (options) => new TakeBackToWrongAgencyAgency(options),
  declaredFailing: ['B-06'],
};

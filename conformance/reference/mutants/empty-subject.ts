// Defect: leaves Subject (trích yếu) empty in the documents it sends.
import type { TriggerJson } from '../../drivers/trigger.ts';
import { ReferenceAgency, type TriggerAnswer } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class EmptySubjectAgency extends ReferenceAgency {
  protected override sendDocument(to: string[], document: NonNullable<TriggerJson['document']>): Promise<TriggerAnswer> {
    return super.sendDocument(to, { ...document, subject: '' });
  }
}

export const emptySubject: MutantDefinition = {
  name: 'empty-subject',
  defect: { vi: 'Văn bản gửi đi có trích yếu (Subject) rỗng', en: 'Sends documents with an empty Subject' },
  make: (options) => new EmptySubjectAgency(options),
  declaredFailing: ['S-02'],
};

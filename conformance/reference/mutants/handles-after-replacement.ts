// Defect: keeps handling a document (04, 05, 06) after agreeing to revoke, replace or take it back.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class HandlesAfterReplacementAgency extends ReferenceAgency {
  protected override stopHandling(): void {}
}

export const handlesAfterReplacement: MutantDefinition = {
  name: 'handles-after-replacement',
  defect: { vi: 'Vẫn gửi 04/05/06 sau khi đồng ý thay thế văn bản', en: 'Still sends 04/05/06 after agreeing to a replacement' },
  make: (options) => new HandlesAfterReplacementAgency(options),
  declaredFailing: ['B-03'],
};

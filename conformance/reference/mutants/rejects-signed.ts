// Defect: rejects every document whose PDF carries a signature it cannot match to SignerInfo —
// i.e. treats the signature warnings of a correctly signed document as reasons to reject.
import type { Finding } from '../../../edxml/finding.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class RejectsSignedAgency extends ReferenceAgency {
  protected override isRejectionGround(finding: Finding): boolean {
    return finding.category === 'signature' || super.isRejectionGround(finding);
  }
}

export const rejectsSigned: MutantDefinition = {
  name: 'rejects-signed',
  defect: { vi: 'Từ chối văn bản ký số đúng vì các cảnh báo chữ ký', en: 'Rejects correctly signed documents over signature warnings' },
  make: (options) => new RejectsSignedAgency(options),
  declaredFailing: ['SG-07'],
};

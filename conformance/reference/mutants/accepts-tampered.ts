// Defect: does not treat PDF bytes changed after signing as a reason to reject.
import type { Finding } from '../../../edxml/finding.ts';
import { sigRules } from '../../../edxml/signatures/index.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class AcceptsTamperedAgency extends ReferenceAgency {
  protected override isRejectionGround(finding: Finding): boolean {
    return finding.rule !== sigRules.pdfBytesChanged.id && super.isRejectionGround(finding);
  }
}

export const acceptsTampered: MutantDefinition = {
  name: 'accepts-tampered',
  defect: { vi: 'Tiếp nhận văn bản bị sửa sau khi ký', en: 'Accepts a document changed after signing' },
  make: (options) => new AcceptsTamperedAgency(options),
  declaredFailing: ['SG-05'],
};

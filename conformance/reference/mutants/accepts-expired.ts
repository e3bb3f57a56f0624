// Defect: does not treat an expired signing certificate as a ground for rejection (checks only that
// the signature's digest holds and the chain is trusted).
import type { Finding } from '../../../edxml/finding.ts';
import { sigRules } from '../../../edxml/signatures/index.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class AcceptsExpiredAgency extends ReferenceAgency {
  protected override isRejectionGround(finding: Finding): boolean {
    return finding.rule !== sigRules.certificateExpired.id && super.isRejectionGround(finding);
  }
}

export const acceptsExpired: MutantDefinition = {
  name: 'accepts-expired',
  defect: { vi: 'Tiếp nhận văn bản ký bằng chứng thư đã hết hạn', en: 'Accepts a document signed with an expired certificate' },
  make: (options) => new AcceptsExpiredAgency(options),
  declaredFailing: ['SG-06'],
};

// Defect: never consults the CRL: a document signed with a revoked certificate is accepted.
import type { Finding } from '../../../edxml/finding.ts';
import { sigRules } from '../../../edxml/signatures/index.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class AcceptsRevokedAgency extends ReferenceAgency {
  protected override isRejectionGround(finding: Finding): boolean {
    return finding.rule !== sigRules.certificateRevoked.id && super.isRejectionGround(finding);
  }
}

export const acceptsRevoked: MutantDefinition = {
  name: 'accepts-revoked',
  defect: { vi: 'Tiếp nhận văn bản ký bằng chứng thư đã bị thu hồi', en: 'Accepts a document signed with a revoked certificate' },
  make: (options) => new AcceptsRevokedAgency(options),
  declaredFailing: ['SG-06'],
};

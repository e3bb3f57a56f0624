// Defect: registers documents whose signature chains to no trust anchor (only validator errors count).
import type { Finding } from '../../../edxml/finding.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class AcceptsUntrustedAgency extends ReferenceAgency {
  protected override isRejectionGround(finding: Finding): boolean {
    return finding.level === 'error';
  }
}

export const acceptsUntrusted: MutantDefinition = {
  name: 'accepts-untrusted',
  defect: { vi: 'Tiếp nhận văn bản ký bằng chứng thư không tin cậy', en: 'Accepts a document signed under an untrusted root' },
  make: (options) => new AcceptsUntrustedAgency(options),
  declaredFailing: ['SG-06'],
};

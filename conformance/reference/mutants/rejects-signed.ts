// Defect: checks signatures without the run's trust anchors (a trust store left empty), so every
// signed document looks untrusted and is rejected, correctly signed ones included.
import { validatePacket, type ValidationReport } from '../../../edxml/validate.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class RejectsSignedAgency extends ReferenceAgency {
  protected override inspect(bytes: Uint8Array): Promise<ValidationReport> {
    return validatePacket(bytes, { directory: this.directory, now: this.now() });
  }
}

export const rejectsSigned: MutantDefinition = {
  name: 'rejects-signed',
  defect: {
    vi: 'Kiểm tra chữ ký với kho chứng thư gốc rỗng nên từ chối cả văn bản ký đúng',
    en: 'Checks signatures against an empty trust store, so it rejects correctly signed documents',
  },
  make: (options) => new RejectsSignedAgency(options),
  // R-04's signed PDF is a correctly signed document too.
  declaredFailing: ['SG-07', 'R-04'],
};

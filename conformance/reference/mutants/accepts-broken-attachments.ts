// Defect: ignores attachment errors (a PDF that does not open, base64 that does not decode).
import type { Finding } from '../../../edxml/finding.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class AcceptsBrokenAttachmentsAgency extends ReferenceAgency {
  protected override isRejectionGround(finding: Finding): boolean {
    return finding.category !== 'attachment' && super.isRejectionGround(finding);
  }
}

export const acceptsBrokenAttachments: MutantDefinition = {
  name: 'accepts-broken-attachments',
  defect: { vi: 'Tiếp nhận văn bản có tệp đính kèm hỏng', en: 'Accepts documents whose attachments are broken' },
  make: (options) => new AcceptsBrokenAttachmentsAgency(options),
  declaredFailing: ['R-08'],
};

// Defect: PDFs carry the official's personal signature only, never the organisation's.
import { signPdf } from '../../../edxml/signatures/index.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class PersonalSignatureOnlyAgency extends ReferenceAgency {
  protected override signAttachment(pdf: Uint8Array): Promise<Uint8Array> {
    return signPdf(pdf, this.options.signing.person, { signingTime: this.now(), reason: 'Ký duyệt văn bản' });
  }
}

export const personalSignatureOnly: MutantDefinition = {
  name: 'personal-signature-only',
  defect: { vi: 'PDF chỉ có chữ ký cá nhân, không có chữ ký của cơ quan', en: 'PDFs carry a personal signature only, no organisation signature' },
  make: (options) => new PersonalSignatureOnlyAgency(options),
  declaredFailing: ['SG-02'],
};

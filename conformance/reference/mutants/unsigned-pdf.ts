// Defect: sends its PDFs unsigned.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class UnsignedPdfAgency extends ReferenceAgency {
  protected override async signAttachment(pdf: Uint8Array): Promise<Uint8Array> {
    return pdf;
  }
}

export const unsignedPdf: MutantDefinition = {
  name: 'unsigned-pdf',
  defect: { vi: 'Gửi tệp PDF không ký số', en: 'Sends unsigned PDFs' },
  make: (options) => new UnsignedPdfAgency(options),
  // Without any signature there is no organisation signature either.
  declaredFailing: ['SG-01', 'SG-02'],
};

// Defect: rejects any document with a ZIP-wrapped attachment (application/zip).
import type { EdocPacket } from '../../../edxml/types.ts';
import type { ValidationReport } from '../../../edxml/validate.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class RejectsZipAgency extends ReferenceAgency {
  protected override shouldAccept(report: ValidationReport, packet: EdocPacket): boolean {
    const zipped = packet.attachments.some((a) => a.contentType?.toLowerCase() === 'application/zip');
    return !zipped && super.shouldAccept(report, packet);
  }
}

export const rejectsZip: MutantDefinition = {
  name: 'rejects-zip',
  defect: { vi: 'Từ chối văn bản có tệp đính kèm ZIP', en: 'Rejects documents with a ZIP attachment' },
  make: (options) => new RejectsZipAgency(options),
  declaredFailing: ['R-04'],
};

// Defect: silently leaves documents with more than 10 MB of attachments unanswered.
import type { EdocPacket } from '../../../edxml/types.ts';
import type { ValidationReport } from '../../../edxml/validate.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

const LIMIT_BASE64_CHARS = Math.ceil((10 * 1024 * 1024 * 4) / 3);

class IgnoresLargeAgency extends ReferenceAgency {
  protected override handleDocument(packet: EdocPacket, report: ValidationReport): Promise<void> {
    const size = packet.attachments.reduce((sum, a) => sum + a.encoded.length, 0);
    return size > LIMIT_BASE64_CHARS ? Promise.resolve() : super.handleDocument(packet, report);
  }
}

export const ignoresLarge: MutantDefinition = {
  name: 'ignores-large',
  defect: { vi: 'Bỏ qua không trả lời văn bản trên 10 MB', en: 'Leaves documents over 10 MB unanswered' },
  make: (options) => new IgnoresLargeAgency(options),
  // Collateral: R-03 and ST-04 see a delivered document that never gets its 01.
  declaredFailing: ['R-10', 'R-03', 'ST-04'],
};

// Defect: leaves edXMLBody (and the manifest in it) out of the envelope; the attachments still travel.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';
import { rewritePacketText } from './packet-text.ts';

class NoEnvelopeBodyAgency extends ReferenceAgency {
  protected override signPacketBytes(bytes: Uint8Array): Uint8Array {
    return super.signPacketBytes(rewritePacketText(bytes, (text) => text.replace(/\s*<((?:[\w.-]+:)?edXMLBody)[\s>][\s\S]*?<\/\1>/, '')));
  }
}

export const noEnvelopeBody: MutantDefinition = {
  name: 'no-envelope-body',
  defect: { vi: 'Gói tin thiếu edXMLBody (danh mục tệp đính kèm)', en: 'Packets lack edXMLBody (the attachment manifest)' },
  make: (options) => new NoEnvelopeBodyAgency(options),
  // The manifest lives in the body: without it no attachment has its manifest entry (S-04).
  declaredFailing: ['S-01', 'S-04'],
};

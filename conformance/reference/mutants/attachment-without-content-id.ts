// Defect: the attachment payloads carry no ContentId, so they cannot be matched with the manifest.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';
import { rewritePacketText } from './packet-text.ts';

class AttachmentWithoutContentIdAgency extends ReferenceAgency {
  protected override signPacketBytes(bytes: Uint8Array): Uint8Array {
    return super.signPacketBytes(
      rewritePacketText(bytes, (text) => text.replace(/(<(?:[\w.-]+:)?Attachment>\s*)<ContentId>[^<]*<\/ContentId>\s*/g, '$1')),
    );
  }
}

export const attachmentWithoutContentId: MutantDefinition = {
  name: 'attachment-without-content-id',
  defect: { vi: 'Tệp đính kèm không có ContentId, không khớp được với danh mục', en: 'Attachment payloads carry no ContentId to match the manifest' },
  make: (options) => new AttachmentWithoutContentIdAgency(options),
  declaredFailing: ['S-04'],
};

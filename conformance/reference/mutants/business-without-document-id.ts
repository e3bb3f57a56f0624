// Defect: revocation and update packets do not name the document concerned (Bussiness/DocumentId).
import type { EdocInput, EdocPacket } from '../../../edxml/index.ts';
import { ReferenceAgency } from '../agency.ts';
import type { SentDocument } from '../ledger.ts';
import type { MutantDefinition } from './mutant.ts';

type BusinessInput = NonNullable<EdocInput['business']>;

class BusinessWithoutDocumentIdAgency extends ReferenceAgency {
  protected override businessPacket(original: SentDocument, to: string[], suffix: string, verb: string, business: BusinessInput): Promise<EdocPacket> {
    return super.businessPacket(original, to, suffix, verb, { ...business, documentId: undefined });
  }
}

export const businessWithoutDocumentId: MutantDefinition = {
  name: 'business-without-document-id',
  defect: { vi: 'Gói thu hồi / cập nhật thiếu Bussiness/DocumentId', en: 'Revocation / update packets lack Bussiness/DocumentId' },
  make: (options) => new BusinessWithoutDocumentIdAgency(options),
  declaredFailing: ['B-05'],
};

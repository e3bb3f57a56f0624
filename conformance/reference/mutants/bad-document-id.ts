// Defect: writes DocumentId as `number/notation` only, without the sender code and date.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class BadDocumentIdAgency extends ReferenceAgency {
  protected override documentIdFor(_promulgationDate: string, codeNumber: string, codeNotation: string): string {
    return `${codeNumber}/${codeNotation}`;
  }
}

export const badDocumentId: MutantDefinition = {
  name: 'bad-document-id',
  defect: { vi: 'DocumentId thiếu mã cơ quan gửi và ngày ({số}/{ký hiệu})', en: 'DocumentId lacks the sender code and date ({number}/{notation})' },
  make: (options) => new BadDocumentIdAgency(options),
  declaredFailing: ['S-03'],
};

// Defect: ResponseFor/Code carries only the number, not `number/notation`.
import type { EdocPacket, ResponseFor } from '../../../edxml/types.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class CodeWithoutNotationAgency extends ReferenceAgency {
  protected override responseForOf(packet: EdocPacket): ResponseFor {
    return { ...super.responseForOf(packet), code: packet.header.code?.codeNumber };
  }
}

export const codeWithoutNotation: MutantDefinition = {
  name: 'code-without-notation',
  defect: { vi: 'ResponseFor/Code chỉ có số, thiếu ký hiệu', en: 'ResponseFor/Code carries the number without the notation' },
  make: (options) => new CodeWithoutNotationAgency(options),
  // Collateral: R-05 reads the same ResponseFor/Code; I-04 compares the answers’ ResponseFor.
  declaredFailing: ['R-03', 'R-05', 'I-04'],
};

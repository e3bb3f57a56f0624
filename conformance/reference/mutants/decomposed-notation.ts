// Defect: writes ResponseFor in Unicode NFD (decomposed letters), as a system that stores
// text decomposed would: Vietnamese notations no longer come back byte for byte.
import type { EdocPacket, ResponseFor } from '../../../edxml/types.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class DecomposedNotationAgency extends ReferenceAgency {
  protected override responseForOf(packet: EdocPacket): ResponseFor {
    const r = super.responseForOf(packet);
    return { ...r, code: r.code?.normalize('NFD'), documentId: r.documentId?.normalize('NFD') };
  }
}

export const decomposedNotation: MutantDefinition = {
  name: 'decomposed-notation',
  defect: { vi: 'Ghi ResponseFor ở dạng NFD: ký hiệu tiếng Việt bị đổi byte', en: 'Writes ResponseFor in NFD: Vietnamese notations change bytes' },
  make: (options) => new DecomposedNotationAgency(options),
  // Collateral: R-03 finds R-05’s document answered with a ResponseFor that does not match it.
  declaredFailing: ['R-05', 'R-03'],
};

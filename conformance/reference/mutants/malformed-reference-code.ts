// Defect (I-01): documents it sends cite an earlier document whose OrganId is written in a
// malformed code (`01.02.G22`, seen in real samples).
import type { TriggerJson } from '../../drivers/trigger.ts';
import type { EdocPacket } from '../../../edxml/types.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class MalformedReferenceCodeAgency extends ReferenceAgency {
  protected override async composeDocument(to: string[], document: NonNullable<TriggerJson['document']>, business?: Parameters<ReferenceAgency['composeDocument']>[2]): Promise<EdocPacket> {
    const packet = await super.composeDocument(to, document, business);
    packet.header.responseFor = [{ organId: '01.02.G22', code: '12/VPCP-TTĐT', promulgationDate: '2026/01/05', documentId: '01.02.G22,2026/01/05,12/VPCP-TTĐT' }];
    return packet;
  }
}

export const malformedReferenceCode: MutantDefinition = {
  name: 'malformed-reference-code',
  defect: { vi: 'Văn bản gửi đi ghi mã định danh sai dạng trong ResponseFor', en: 'Sent documents write a malformed agency code in ResponseFor' },
  make: (options) => new MalformedReferenceCodeAgency(options),
  // Collateral: S-02 judges the validity of the sent metadata, ResponseFor codes included.
  declaredFailing: ['I-01', 'S-02'],
};

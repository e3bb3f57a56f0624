// Defect (I-02): revocation / update / replacement packets name, as From, a department code the
// system never registered, so the axis refuses the sender.
import type { EdocPacket } from '../../../edxml/types.ts';
import { ReferenceAgency } from '../agency.ts';
import type { SentDocument } from '../ledger.ts';
import type { MutantDefinition } from './mutant.ts';

class DepartmentAsSenderAgency extends ReferenceAgency {
  protected override async businessPacket(
    original: SentDocument,
    to: string[],
    suffix: string,
    verb: string,
    business: Parameters<ReferenceAgency['businessPacket']>[4],
  ): Promise<EdocPacket> {
    const packet = await super.businessPacket(original, to, suffix, verb, business);
    const own = this.ownCode();
    // The office's department: level 2 of its own code set to 01, never registered on the axis.
    packet.header.from = { ...packet.header.from, organId: `${own.slice(0, 7)}01${own.slice(9)}` };
    return packet;
  }
}

export const departmentAsSender: MutantDefinition = {
  name: 'department-as-sender',
  defect: {
    vi: 'Gói tin thu hồi / cập nhật / thay thế ghi From là mã phòng ban chưa đăng ký',
    en: 'Revocation / update / replacement packets write an unregistered department code in From',
  },
  make: (options) => new DepartmentAsSenderAgency(options),
  // Collateral: T-02: the axis refuses the sender (22); B-05 waits for the refused packets.
  declaredFailing: ['I-02', 'T-02', 'B-05'],
};

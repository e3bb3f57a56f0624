// Defect (ST-02): reports finished handling with the code 07, which the table does not define.
import type { ReceivedDocument } from '../ledger.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class UnknownFinishCodeAgency extends ReferenceAgency {
  protected override nextHandlingStatus(received: ReceivedDocument): string | undefined {
    const next = super.nextHandlingStatus(received);
    return next === '06' ? '07' : next;
  }
}

export const unknownFinishCode: MutantDefinition = {
  name: 'unknown-finish-code',
  defect: { vi: 'Báo hoàn thành bằng mã 07 (không có trong bảng mã)', en: 'Reports finished handling as 07, a code outside the table' },
  make: (options) => new UnknownFinishCodeAgency(options),
  // Collateral: ST-03: checkStatusSequence rejects a code outside the table in a track.
  declaredFailing: ['ST-02', 'ST-03'],
};

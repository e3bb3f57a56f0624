// Defect: registers received documents in a batch job that runs every 20 s, so the 01 (and what
// follows it) leaves well after the receipt deadline, though the delivery is acknowledged at once.
import type { EdocPacket } from '../../../edxml/types.ts';
import type { ValidationReport } from '../../../edxml/validate.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

const BATCH_MS = 20_000;

class LateReceiptAgency extends ReferenceAgency {
  protected override async handleDocument(packet: EdocPacket, report: ValidationReport): Promise<void> {
    if (this.isBusinessPacket(packet)) return super.handleDocument(packet, report);
    setTimeout(() => void super.handleDocument(packet, report), BATCH_MS).unref();
  }
}

export const lateReceipt: MutantDefinition = {
  name: 'late-receipt',
  defect: { vi: 'Gửi 01 sau thời hạn tiếp nhận (đăng ký theo lô 20 giây một lần)', en: 'Sends its 01 after the receipt deadline (registers in 20-second batches)' },
  make: (options) => new LateReceiptAgency(options),
  declaredFailing: ['ST-04'],
};

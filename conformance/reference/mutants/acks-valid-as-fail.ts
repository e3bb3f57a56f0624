// Defect: acknowledges every document delivery `fail` (it confuses "not yet processed" with
// "failed"), although it reads and answers the document.
import type { ValidationReport } from '../../../edxml/validate.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class AcksValidAsFailAgency extends ReferenceAgency {
  protected override acknowledgementFor(report: ValidationReport): { state: 'done' | 'fail'; description?: string } {
    if (report.packet?.kind === 'edoc') return { state: 'fail', description: 'Chua xu ly' };
    return super.acknowledgementFor(report);
  }
}

export const acksValidAsFail: MutantDefinition = {
  name: 'acks-valid-as-fail',
  defect: { vi: 'Xác nhận fail cho văn bản hợp lệ', en: 'Acknowledges valid documents `fail`' },
  make: (options) => new AcksValidAsFailAgency(options),
  declaredFailing: ['R-01'],
};

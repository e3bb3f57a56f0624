// Defect (I-03): never reads the agency directory.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class NeverReadsDirectoryAgency extends ReferenceAgency {
  protected override async readDirectory(): Promise<void> {}
}

export const neverReadsDirectory: MutantDefinition = {
  name: 'never-reads-directory',
  defect: { vi: 'Không bao giờ đọc danh bạ cơ quan', en: 'Never reads the agency directory' },
  make: (options) => new NeverReadsDirectoryAgency(options),
  declaredFailing: ['I-03'],
};

// Defect: signs with a clock twenty years ahead, when its certificates have long expired.
import { signPdf } from '../../../edxml/signatures/index.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

const TWENTY_YEARS_MS = 20 * 365 * 86_400_000;

class SignsAfterExpiryAgency extends ReferenceAgency {
  protected override async signAttachment(pdf: Uint8Array): Promise<Uint8Array> {
    const { person, organisation } = this.options.signing;
    const signingTime = new Date(this.now().getTime() + TWENTY_YEARS_MS);
    return signPdf(await signPdf(pdf, person, { signingTime }), organisation, { signingTime });
  }
}

export const signsAfterExpiry: MutantDefinition = {
  name: 'signs-after-expiry',
  defect: { vi: 'Ký số khi chứng thư đã hết hạn', en: 'Signs when its certificates have expired' },
  make: (options) => new SignsAfterExpiryAgency(options),
  declaredFailing: ['SG-03'],
};

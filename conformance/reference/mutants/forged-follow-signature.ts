// Defect (T-01): the component that follows sent documents signs its headers with a stale secret,
// so every getSentEdocList it makes fails authentication.
import { AxisClient } from '../../../simulator/client/client.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class ForgedFollowAgency extends ReferenceAgency {
  protected override async followSentDocuments(): Promise<void> {
    const stale = new AxisClient({ ...this.client.options, secret: `${this.options.secret}-cu` });
    for (const sent of this.ledger.sent.values()) {
      if (sent.senderId) await stale.getSentEdocList(sent.senderId).catch(() => undefined);
    }
  }
}

export const forgedFollowSignature: MutantDefinition = {
  name: 'forged-follow-signature',
  defect: {
    vi: 'Theo dõi văn bản đã gửi (getSentEdocList) bằng khoá bí mật cũ: HMAC sai',
    en: 'Follows sent documents (getSentEdocList) with a stale secret: wrong HMAC',
  },
  make: (options) => new ForgedFollowAgency(options),
  declaredFailing: ['T-01'],
};

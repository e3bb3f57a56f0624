// Defect: besides its own sent documents, follows the deliveries it received with getSentEdocList,
// mistaking their receiver ids (another agency's packets) for its own sender ids.
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class FollowsForeignIdsAgency extends ReferenceAgency {
  private readonly followed = new Set<string>();

  protected override async followSentDocuments(): Promise<void> {
    await super.followSentDocuments();
    for (const receiverId of this.ledger.deliveries.keys()) {
      if (this.followed.has(receiverId)) continue;
      this.followed.add(receiverId);
      await this.client.getSentEdocList(receiverId).catch(() => undefined);
    }
  }
}

export const followsForeignIds: MutantDefinition = {
  name: 'follows-foreign-ids',
  defect: { vi: 'Gọi getSentEdocList với mã của văn bản đơn vị khác gửi', en: 'Calls getSentEdocList with ids of packets other agencies sent' },
  make: (options) => new FollowsForeignIdsAgency(options),
  declaredFailing: ['S-08'],
};

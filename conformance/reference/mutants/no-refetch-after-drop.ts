// Defect: a delivery whose fetch got no answer is never fetched again.
import type { ReceivedItem } from '../../../simulator/client/replies.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class NoRefetchAfterDropAgency extends ReferenceAgency {
  private readonly givenUp = new Set<string>();

  protected override async receiveDelivery(item: ReceivedItem): Promise<void> {
    if (this.givenUp.has(item.docId)) return;
    await super.receiveDelivery(item);
    if (!this.ledger.delivery(item.docId).handled) this.givenUp.add(item.docId);
  }
}

export const noRefetchAfterDrop: MutantDefinition = {
  name: 'no-refetch-after-drop',
  defect: { vi: 'Không lấy lại văn bản sau khi lần lấy đầu bị rớt', en: 'Never fetches a delivery again after a dropped fetch' },
  make: (options) => new NoRefetchAfterDropAgency(options),
  declaredFailing: ['F-02'],
};

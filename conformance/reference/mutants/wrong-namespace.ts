// Defect: writes its documents in a namespace that is not QCVN 102's (a trailing "/v2"), so the
// axis cannot read them and refuses every document it sends.
import { QCVN_NS } from '../../../edxml/types.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';
import { rewritePacketText } from './packet-text.ts';

class WrongNamespaceAgency extends ReferenceAgency {
  protected override signPacketBytes(bytes: Uint8Array): Uint8Array {
    return rewritePacketText(super.signPacketBytes(bytes), (text) => text.split(QCVN_NS).join(`${QCVN_NS}/v2`));
  }
}

export const wrongNamespace: MutantDefinition = {
  name: 'wrong-namespace',
  defect: { vi: 'Gói tin văn bản gửi đi sai không gian tên QCVN 102', en: 'Sends documents outside the QCVN 102 namespace' },
  make: (options) => new WrongNamespaceAgency(options),
  declaredFailing: ['S-01'],
};

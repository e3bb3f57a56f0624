// Defect: the packet's Signature element is written outside the XMLDSig namespace.
import { XMLDSIG_NS } from '../../../edxml/signatures/index.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';
import { rewritePacketText } from './packet-text.ts';

class PacketSignatureNamespaceAgency extends ReferenceAgency {
  protected override signPacketBytes(bytes: Uint8Array): Uint8Array {
    return rewritePacketText(super.signPacketBytes(bytes), (text) => text.split(XMLDSIG_NS).join('http://www.w3.org/2000/09/xmldsig'));
  }
}

export const packetSignatureNamespace: MutantDefinition = {
  name: 'packet-signature-namespace',
  defect: { vi: 'Chữ ký gói tin không thuộc không gian tên XMLDSig', en: 'The packet signature is outside the XMLDSig namespace' },
  make: (options) => new PacketSignatureNamespaceAgency(options),
  declaredFailing: ['SG-04'],
};

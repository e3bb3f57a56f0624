// Defect: a document for several recipients leaves as one packet per recipient, each listing only
// its own recipient in To.
import { buildPacket } from '../../../edxml/build.ts';
import type { EdocPacket } from '../../../edxml/types.ts';
import { ReferenceAgency } from '../agency.ts';
import type { SentDocument } from '../ledger.ts';
import type { MutantDefinition } from './mutant.ts';

class PacketPerRecipientAgency extends ReferenceAgency {
  protected override queueDocument(packet: EdocPacket, recipients: string[]): SentDocument | undefined {
    const [first, ...others] = recipients;
    const only = (code: string): EdocPacket => ({ ...packet, header: { ...packet.header, to: [{ organId: code }] } });
    const sent = super.queueDocument(only(first), [first]);
    for (const code of others) {
      this.documentOutbox.add({
        key: `edoc:${packet.header.documentId}:${code}`,
        label: `edoc ${packet.header.documentId} → ${code}`,
        bytes: this.signPacketBytes(buildPacket(only(code))),
        messagetype: 'edoc',
        stored: () => undefined,
        abandoned: () => undefined,
      });
    }
    return sent;
  }
}

export const packetPerRecipient: MutantDefinition = {
  name: 'packet-per-recipient',
  defect: { vi: 'Gửi mỗi nơi nhận một gói tin riêng', en: 'Sends one packet per recipient' },
  make: (options) => new PacketPerRecipientAgency(options),
  // Business packets to several recipients split too, and the first split copy is not the change B-05 asked for.
  declaredFailing: ['S-06', 'B-05'],
};

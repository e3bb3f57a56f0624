// Sending: on a trigger the agency composes a document, signs its PDFs (personal, then the
// organisation's) and the packet (XMLDSig), queues it once per DocumentId, and follows it with
// getSentEdocList for a while (its own sender ids only).
import { buildPacket } from '../../../edxml/build.ts';
import { composeEdoc, documentIdOf, type AttachmentInput, type EdocInput } from '../../../edxml/compose.ts';
import { vietnamDate } from '../../../edxml/dates.ts';
import { signPacket, signPdf } from '../../../edxml/signatures/index.ts';
import type { EdocPacket } from '../../../edxml/types.ts';
import type { TriggerAttachment, TriggerJson } from '../../drivers/trigger.ts';
import { attachmentFile } from '../attachment-files.ts';
import type { SentDocument } from '../ledger.ts';
import type { TriggerAnswer } from './options.ts';
import { AnsweringAgency } from './answering.ts';
import { describeError } from './polling.ts';

const TERMINAL_FEEDBACK = new Set(['02', '06', '15', '16']);
/** How long after sending, and how often, the agency asks getSentEdocList about a document. */
const FOLLOW_FOR_MS = 60_000;
const FOLLOW_EVERY_MS = 2_000;
type BusinessInput = NonNullable<EdocInput['business']>;

export abstract class SendingAgency extends AnsweringAgency {
  /** Checks the order and queues the work; `refused` only when it cannot be done at all. */
  protected async acceptTrigger(trigger: TriggerJson): Promise<TriggerAnswer> {
    switch (trigger.action) {
      case 'send':
        return trigger.document && trigger.to?.length ? this.sendDocument(trigger.to, trigger.document) : 'refused';
      case 'revoke':
        return this.revoke(trigger);
      case 'update':
        return this.update(trigger);
      case 'replace':
        return this.replace(trigger);
      case 'take-back':
        return this.takeBack(trigger);
      default:
        return 'refused';
    }
  }

  /** Composes, signs and queues a new document to `to`. */
  protected async sendDocument(to: string[], document: NonNullable<TriggerJson['document']>): Promise<TriggerAnswer> {
    const packet = await this.composeDocument(to, document);
    this.queueDocument(packet, to);
    return 'accepted';
  }

  protected async composeDocument(to: string[], document: NonNullable<TriggerJson['document']>, business?: BusinessInput): Promise<EdocPacket> {
    const now = this.now();
    const promulgationDate = vietnamDate(now);
    const attachments: AttachmentInput[] = [];
    for (const spec of document.attachments) attachments.push(await this.attachmentFor(spec, document.subject));
    return composeEdoc({
      from: this.ownOrganization(),
      to,
      codeNumber: document.codeNumber,
      codeNotation: document.codeNotation,
      promulgationDate,
      subject: document.subject,
      typeName: document.typeName,
      place: 'Hà Nội',
      signer: { competence: 'TM.', position: 'Chánh Văn phòng', fullName: this.options.signing.person.fullName },
      documentId: this.documentIdFor(promulgationDate, document.codeNumber, document.codeNotation),
      timestamp: this.timestamp(),
      business: business ?? { bussinessDocType: '0' },
      attachments,
    });
  }

  /** QCVN 102: `{From},{yyyy/MM/dd},{number}/{notation}` (S-03). */
  protected documentIdFor(promulgationDate: string, codeNumber: string, codeNotation: string): string {
    return documentIdOf(this.ownCode(), promulgationDate, codeNumber, codeNotation);
  }

  protected async attachmentFor(spec: TriggerAttachment, subject: string): Promise<AttachmentInput> {
    const file = attachmentFile(spec.name, `${this.ownCode()} - ${subject}`);
    const bytes = spec.sign && file.contentType === 'application/pdf' ? await this.signAttachment(file.bytes) : file.bytes;
    return { name: file.name, contentType: file.contentType, bytes };
  }

  /** A PDF carries the signer's personal signature, then the organisation's (SG-01, SG-02). */
  protected async signAttachment(pdf: Uint8Array): Promise<Uint8Array> {
    const { person, organisation } = this.options.signing;
    const personal = await signPdf(pdf, person, { signingTime: this.now(), reason: 'Ký duyệt văn bản' });
    return signPdf(personal, organisation, { signingTime: this.now(), reason: 'Đóng dấu cơ quan' });
  }

  /** Enveloped XMLDSig with the organisation's key (SG-04). */
  protected signPacketBytes(bytes: Uint8Array): Uint8Array {
    const { organisation } = this.options.signing;
    return signPacket(bytes, organisation.privateKeyPem, [organisation.certificatePem, ...organisation.chainPem]);
  }

  /** Records the document and queues it; a DocumentId already recorded is never queued again. */
  protected queueDocument(packet: EdocPacket, recipients: string[]): SentDocument | undefined {
    const documentId = packet.header.documentId ?? '';
    if (this.ledger.sent.has(documentId)) return this.ledger.sent.get(documentId);
    const sent: SentDocument = { documentId, packet, recipients, feedback: new Map() };
    this.ledger.sent.set(documentId, sent);
    this.documentOutbox.add({
      key: `edoc:${documentId}`,
      label: `edoc ${documentId}`,
      bytes: this.signPacketBytes(buildPacket(packet)),
      messagetype: 'edoc',
      stored: (senderId) => {
        sent.senderId = senderId;
        sent.sentAt = Date.now();
      },
      abandoned: (reason) => this.log(`bỏ gửi ${documentId} / gave up sending: ${reason}`),
    });
    return sent;
  }

  /**
   * getSentEdocList for our own stored documents only (S-08): one document per cycle, each at most
   * every few seconds and only for a while after sending, so following never crowds out receiving.
   */
  protected async followSentDocuments(): Promise<void> {
    const now = Date.now();
    const due = [...this.ledger.sent.values()]
      .filter((s) => s.senderId && s.sentAt !== undefined && now - s.sentAt < FOLLOW_FOR_MS && !this.finishedFollowing(s))
      .filter((s) => s.lastFollowed === undefined || now - s.lastFollowed >= FOLLOW_EVERY_MS)
      .sort((a, b) => (a.lastFollowed ?? 0) - (b.lastFollowed ?? 0));
    const sent = due[0];
    if (!sent?.senderId) return;
    sent.lastFollowed = now;
    try {
      const reply = await this.client.getSentEdocList(sent.senderId);
      if (reply.status !== 'OK') return;
      for (const row of reply.data) {
        if (!row.receiveStatus) continue;
        const codes = sent.feedback.get(row.toCode) ?? [];
        if (codes.at(-1) !== row.receiveStatus) codes.push(row.receiveStatus);
        sent.feedback.set(row.toCode, codes);
      }
    } catch (e) {
      this.log(`không theo dõi được ${sent.documentId} / cannot follow: ${describeError(e)}`);
    }
  }

  protected finishedFollowing(sent: SentDocument): boolean {
    const recipients = [...sent.feedback.values()];
    return recipients.length >= sent.recipients.length && recipients.every((codes) => TERMINAL_FEEDBACK.has(codes.at(-1) ?? ''));
  }

  protected abstract revoke(trigger: TriggerJson): Promise<TriggerAnswer>;
  protected abstract update(trigger: TriggerJson): Promise<TriggerAnswer>;
  protected abstract replace(trigger: TriggerJson): Promise<TriggerAnswer>;
  protected abstract takeBack(trigger: TriggerJson): Promise<TriggerAnswer>;
}

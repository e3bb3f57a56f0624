// Business changes: answering revocations, updates and replacements (15 agree, 16 refuse; agreeing
// ends the handling of the document concerned) and take-back requests (13 → 15/16); and, on a
// trigger, sending them about the agency's own documents.
import { documentsConcerned } from '../../../edxml/business.ts';
import type { EdocInput } from '../../../edxml/compose.ts';
import type { EdocPacket, StatusPacket } from '../../../edxml/types.ts';
import type { TriggerJson } from '../../drivers/trigger.ts';
import type { ReceivedDocument, SentDocument } from '../ledger.ts';
import type { TriggerAnswer } from './options.ts';
import { SendingAgency } from './sending.ts';

type BusinessInput = NonNullable<EdocInput['business']>;

export class BusinessAgency extends SendingAgency {
  /** Revocation / update / replacement: answered once with 15 (agree) or 16 (refuse). */
  protected async handleBusiness(packet: EdocPacket): Promise<void> {
    const documentId = packet.header.documentId ?? '';
    const concernedIds = documentsConcerned(packet);
    // A revocation in VNPT's sample form repeats the revoked document's header, DocumentId included:
    // it is registered beside that document, not mistaken for a second delivery of it.
    const key = concernedIds.includes(documentId) ? `${documentId}#bussiness-${packet.business?.bussinessDocType}` : documentId;
    if (this.ledger.received.has(key)) return;
    const record: ReceivedDocument = { documentId, packet, statuses: [], handling: 'finished' };
    this.ledger.received.set(key, record);
    const concerned = concernedIds.map((id) => this.ledger.received.get(id)).find((r) => r !== undefined && r !== record);
    const agree = this.agreesToBusiness(packet, concerned);
    // Agreeing to revoke or replace a document ends its handling: no 04/05/06 after the 15 (B-03).
    if (agree && concerned && packet.business?.bussinessDocType !== '2') this.stopHandling(concerned);
    if (agree && packet.business?.bussinessDocType === '3') {
      for (const replaced of packet.business.replacements) {
        const old = this.ledger.received.get(replaced.documentId ?? '');
        if (old) this.stopHandling(old);
      }
    }
    this.queueStatus(record, {
      statusCode: agree ? '15' : '16',
      responseFor: this.responseForOf(packet),
      description: agree ? 'Dong y' : 'Khong co van ban nay',
    });
  }

  /** Agree when the document concerned is one we received (a replacement names its own list). */
  protected agreesToBusiness(packet: EdocPacket, concerned: ReceivedDocument | undefined): boolean {
    if (concerned) return true;
    return packet.business?.bussinessDocType === '3' && packet.business.replacements.some((r) => this.ledger.received.has(r.documentId ?? ''));
  }

  protected stopHandling(received: ReceivedDocument): void {
    if (received.handling === 'in-progress') received.handling = 'stopped';
  }

  /**
   * 13 (the issuer asks for its document back): answered once, 15 about that document to its
   * issuer — or 16 when this agency never received it.
   */
  protected async handleTakeBack(status: StatusPacket): Promise<void> {
    const asked = status.header.responseFor ?? {};
    const issuer = status.header.from?.organId;
    const key = `13:${asked.documentId ?? ''}:${issuer ?? ''}`;
    if (this.ledger.answeredRequests.has(key)) return;
    this.ledger.answeredRequests.add(key);
    const original = this.ledger.received.get(asked.documentId ?? '');
    if (original) this.stopHandling(original);
    this.queueStatusPacket(key, {
      statusCode: original ? '15' : '16',
      responseFor: original ? this.responseForOf(original.packet) : { ...asked, organId: issuer },
      description: original ? 'Dong y tra lai van ban' : 'Khong co van ban nay',
    });
  }

  /** Revocation (BussinessDocType 1) of one of our documents, to the recipients concerned. */
  protected async revoke(trigger: TriggerJson): Promise<TriggerAnswer> {
    const original = this.ledger.sent.get(trigger.concerning ?? '');
    if (!original) return 'refused';
    const to = trigger.to?.length ? trigger.to : original.recipients;
    const packet = await this.businessPacket(original, to, 'TH', 'Thu hồi', {
      bussinessDocType: '1',
      bussinessDocReason: 'Thu hồi văn bản ban hành nhầm',
      documentId: original.documentId,
      paper: '0',
      staffInfo: this.staffInfo(),
    });
    this.queueDocument(packet, to);
    return 'accepted';
  }

  /** Update (2): the recipient list changes; sent to the recipients kept, added and removed. */
  protected async update(trigger: TriggerJson): Promise<TriggerAnswer> {
    const original = this.ledger.sent.get(trigger.concerning ?? '');
    if (!original || !trigger.receivers) return 'refused';
    const { added, removed } = trigger.receivers;
    const to = [...new Set([...original.recipients, ...added, ...removed])];
    const packet = await this.businessPacket(original, to, 'CN', 'Cập nhật', {
      bussinessDocType: '2',
      bussinessDocReason: 'Cập nhật nơi nhận',
      documentId: original.documentId,
      paper: '0',
      staffInfo: this.staffInfo(),
      documentInfo: {
        documentInfo: '0',
        documentReceiver: '1',
        receivers: [...removed.map((organId) => ({ organId, receiverType: '0' })), ...added.map((organId) => ({ organId, receiverType: '1' }))],
      },
    });
    this.queueDocument(packet, to);
    return 'accepted';
  }

  /** Replacement (3): a new document that replaces ours, to its recipients. */
  protected async replace(trigger: TriggerJson): Promise<TriggerAnswer> {
    const original = this.ledger.sent.get(trigger.concerning ?? '');
    if (!original || !trigger.document) return 'refused';
    const to = trigger.to?.length ? trigger.to : original.recipients;
    const packet = await this.composeDocument(to, trigger.document, {
      bussinessDocType: '3',
      bussinessDocReason: 'Thay thế văn bản',
      documentId: original.documentId,
      paper: '0',
      staffInfo: this.staffInfo(),
      replacements: [{ documentId: original.documentId, organIds: to }],
    });
    this.queueDocument(packet, to);
    return 'accepted';
  }

  /** Take-back: a 13 to each recipient concerned, about our document. */
  protected async takeBack(trigger: TriggerJson): Promise<TriggerAnswer> {
    const original = this.ledger.sent.get(trigger.concerning ?? '');
    if (!original) return 'refused';
    const recipients = trigger.to?.length ? trigger.to : original.recipients;
    const h = original.packet.header;
    for (const recipient of recipients) {
      this.queueStatusPacket(original.documentId, {
        statusCode: '13',
        responseFor: {
          organId: recipient,
          code: `${h.code?.codeNumber ?? ''}/${h.code?.codeNotation ?? ''}`,
          promulgationDate: h.promulgationInfo?.promulgationDate,
          documentId: original.documentId,
        },
        description: 'De nghi tra lai van ban',
      });
    }
    return 'accepted';
  }

  /** A business packet about `original`: its own identity (same number, notation + suffix). */
  protected async businessPacket(original: SentDocument, to: string[], suffix: string, verb: string, business: BusinessInput): Promise<EdocPacket> {
    const h = original.packet.header;
    return this.composeDocument(
      to,
      {
        codeNumber: h.code?.codeNumber ?? '1',
        codeNotation: `${h.code?.codeNotation ?? 'VB'}-${suffix}`,
        subject: `${verb} văn bản ${original.documentId}`,
        typeName: h.documentType?.typeName ?? 'Công văn',
        attachments: [],
      },
      business,
    );
  }
}

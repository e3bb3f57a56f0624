// Answering: a received document is registered once and answered 01, then 03 (accepted) or 02 with
// a reason (rejected); accepted documents then move 04 → 05 → 06, one step per cycle. Every status
// is built here and queued in the status outbox.
import { buildPacket } from '../../../edxml/build.ts';
import { composeStatus, responseForDocument } from '../../../edxml/compose.ts';
import { sameAgency } from '../../../edxml/identifiers.ts';
import type { Finding } from '../../../edxml/finding.ts';
import { sigRules } from '../../../edxml/signatures/index.ts';
import type { EdocPacket, ResponseFor, StatusPacket } from '../../../edxml/types.ts';
import type { ValidationReport } from '../../../edxml/validate.ts';
import type { OutgoingStatus, ReceivedDocument } from '../ledger.ts';
import { ReceivingAgency } from './receiving.ts';

const BUSINESS_TYPES = new Set(['1', '2', '3']);

export abstract class AnsweringAgency extends ReceivingAgency {
  /** A received edoc: a business packet gets 15/16; a new document is registered and answered. */
  protected async handleDocument(packet: EdocPacket, report: ValidationReport): Promise<void> {
    if (this.isBusinessPacket(packet)) {
      await this.handleBusiness(packet);
      return;
    }
    const documentId = packet.header.documentId ?? '';
    // The same document delivered again (R-07, F-03): registered once, answered once.
    if (this.ledger.received.has(documentId)) return;
    const received: ReceivedDocument = { documentId, packet, statuses: [], handling: 'in-progress' };
    this.ledger.received.set(documentId, received);
    this.queueStatus(received, { statusCode: '01', responseFor: this.responseForOf(packet) });
    if (this.shouldAccept(report, packet)) {
      this.queueStatus(received, { statusCode: '03', responseFor: this.responseForOf(packet) });
    } else {
      received.handling = 'rejected';
      this.queueStatus(received, { statusCode: '02', responseFor: this.responseForOf(packet), description: this.rejectionReason(report, packet) });
    }
  }

  protected isBusinessPacket(packet: EdocPacket): boolean {
    return BUSINESS_TYPES.has(packet.business?.bussinessDocType ?? '');
  }

  /** Accept unless a finding is a ground for rejection or it is not addressed to us. */
  protected shouldAccept(report: ValidationReport, packet: EdocPacket): boolean {
    return !report.findings.some((f) => this.isRejectionGround(f)) && this.addressedToMe(packet);
  }

  /**
   * Every validator error (signatures included), and a signature chaining to no trust anchor of
   * the run: a warning for `truc validate`, but a recipient must not register it (SG-06).
   */
  protected isRejectionGround(finding: Finding): boolean {
    return finding.level === 'error' || finding.rule === sigRules.untrustedChain.id;
  }

  protected addressedToMe(packet: EdocPacket): boolean {
    return packet.header.to.some((o) => o.organId !== undefined && this.sameAgency(o.organId, this.ownCode()));
  }

  /** The 02's Description: why, in one line (ST-05 asks for a non-empty one). */
  protected rejectionReason(report: ValidationReport, packet: EdocPacket): string {
    if (!this.addressedToMe(packet)) return `Van ban khong gui cho ${this.ownCode()} (To khong co ma cua don vi)`;
    const errors = report.findings.filter((f) => this.isRejectionGround(f));
    return `Tu choi tiep nhan: ${errors.map((f) => `${f.rule} ${f.message.en}`).join('; ')}`.slice(0, 500);
  }

  /** The ResponseFor a recipient writes: the issuer as addressee, the document by code, date and id. */
  protected responseForOf(packet: EdocPacket): ResponseFor {
    return responseForDocument(packet);
  }

  /** Accepted documents advance one step per cycle: 03 → 04 → 05 → 06 (finished handling). */
  protected async advanceHandling(): Promise<void> {
    for (const received of this.ledger.received.values()) {
      if (received.handling !== 'in-progress') continue;
      const next = this.nextHandlingStatus(received);
      if (!next) {
        received.handling = 'finished';
        continue;
      }
      this.queueStatus(received, { statusCode: next, responseFor: this.responseForOf(received.packet) });
    }
  }

  protected nextHandlingStatus(received: ReceivedDocument): string | undefined {
    const last = received.statuses.at(-1);
    return last === '03' ? '04' : last === '04' ? '05' : last === '05' ? '06' : undefined;
  }

  /** Queues one status for a received document, remembering it so the track stays legal. */
  protected queueStatus(received: ReceivedDocument, status: OutgoingStatus): void {
    received.statuses.push(status.statusCode);
    this.queueStatusPacket(received.documentId, status);
  }

  /** Builds and queues one status packet; `about` keeps the statuses about one thing in order. */
  protected queueStatusPacket(about: string, status: OutgoingStatus): void {
    this.statusOutbox.add({
      key: `status:${about}:${status.responseFor.organId ?? ''}`,
      label: `${status.statusCode} ${about}`,
      bytes: buildPacket(this.buildStatus(status)),
      messagetype: 'status',
      stored: () => undefined,
      abandoned: (reason) => this.log(`bỏ trạng thái ${status.statusCode} / gave up status: ${reason}`),
    });
  }

  protected buildStatus(status: OutgoingStatus): StatusPacket {
    return composeStatus({
      from: this.ownOrganization(),
      responseFor: status.responseFor,
      statusCode: status.statusCode,
      description: status.description,
      timestamp: this.timestamp(),
      staffInfo: this.staffInfo(),
    });
  }

  protected abstract handleBusiness(packet: EdocPacket): Promise<void>;
}

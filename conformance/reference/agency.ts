// The reference agency: a correct agency document-management system, written to be read. It is
// the SUT of `truc demo` and of the suite's own tests, and the integration example vendors study.
//
// What it does, in the order a real system would:
//   - at start: reads the directory once, registers its own code if the directory lacks it;
//   - every poll cycle: lists its edoc and status inboxes, fetches each new delivery, validates it
//     (signatures against the run's trust anchors and CRL), records it, acknowledges it, and
//     queues the answers — 01 then 03 (accepted) or 02 with a reason (rejected); 15/16 for business
//     packets and 13s; then moves accepted documents through 04 → 05 → 06;
//   - on a trigger: composes, signs (PDF: personal + organisation; packet: XMLDSig) and queues a
//     document, a business packet (revoke / update / replace) or a 13 (take back);
//   - sends through two ordered outboxes — status feedback, documents — that retry with backoff
//     and never send a stored packet twice (a 01 never waits behind a large document); follows
//     its sent documents with getSentEdocList (its own ids only).
//
// Every behaviour is one small protected method, so a mutant (mutants/) is a subclass that
// overrides exactly one of them to carry exactly one defect.
import { AxisClient, AxisTransportError } from '../../simulator/client/client.ts';
import type { AgencyQd20Item, ReceivedItem } from '../../simulator/client/replies.ts';
import { buildPacket } from '../../edxml/build.ts';
import { composeEdoc, composeStatus, documentIdOf, responseForDocument, type AttachmentInput, type EdocInput } from '../../edxml/compose.ts';
import { vietnamDate, vietnamTimestamp } from '../../edxml/dates.ts';
import { resolveAgency, sameAgency } from '../../edxml/identifiers.ts';
import type { Finding } from '../../edxml/finding.ts';
import { signPacket, signPdf, sigRules } from '../../edxml/signatures/index.ts';
import type { DirectoryRecord, EdocPacket, Organization, ResponseFor, StaffInfo, StatusPacket } from '../../edxml/types.ts';
import { validatePacket, type ValidationReport } from '../../edxml/validate.ts';
import type { TriggerAttachment, TriggerJson } from '../drivers/trigger.ts';
import { attachmentFile } from './attachment-files.ts';
import { Ledger, type OutgoingStatus, type ReceivedDocument, type SentDocument } from './ledger.ts';
import { Outbox, type OutboxItem, type RetryPolicy, type SendAttempt } from './outbox.ts';

/** A key and certificate (PEM) with the issuer chain up to the root. */
export interface SigningIdentity {
  privateKeyPem: string;
  certificatePem: string;
  chainPem: string[];
}

export interface ReferenceAgencyOptions {
  /** The axis: base URL of the operations, and optionally a fetch that stays in-process. */
  axis: { baseUrl: string; fetch?: (request: Request) => Promise<Response> | Response };
  /** Its systemid, which is also its agency code (QCVN 102 form). */
  code: string;
  secret: string;
  /** Agency name, as written in From/OrganName and in its organisation certificate. */
  name: string;
  /**
   * The run's trust anchors (PEM) and revocation lists (DER or PEM), asked for at every check: a
   * CRL grows during a run, and a real system refreshes it too.
   */
  trust: () => TrustMaterial | Promise<TrustMaterial>;
  /** Organisation certificate (names the agency) and the person who signs documents. */
  signing: { organisation: SigningIdentity; person: SigningIdentity & { fullName: string } };
  /** Pause between poll cycles (default 400 ms: 5 polling calls a second, under T-06's ceiling). */
  pollIntervalMs?: number;
  clock?: () => Date;
  /** One line per notable event (demo and standalone process print them). */
  log?: (line: string) => void;
}

export type TriggerAnswer = 'accepted' | 'refused';

export interface TrustMaterial {
  trustAnchors: string[];
  crls: Uint8Array[];
}

type BusinessInput = NonNullable<EdocInput['business']>;

const BUSINESS_TYPES = new Set(['1', '2', '3']);
const TERMINAL_FEEDBACK = new Set(['02', '06', '15', '16']);
/** How long after sending, and how often, the agency asks getSentEdocList about a document. */
const FOLLOW_FOR_MS = 60_000;
const FOLLOW_EVERY_MS = 2_000;

export class ReferenceAgency {
  protected readonly client: AxisClient;
  protected readonly ledger = new Ledger();
  /** Status feedback leaves through its own outbox, so a 01 never waits behind a large document. */
  protected readonly statusOutbox = new Outbox();
  protected readonly documentOutbox = new Outbox();
  protected directory: DirectoryRecord[] = [];
  private timer?: NodeJS.Timeout;
  private running = false;
  private cycle?: Promise<void>;

  constructor(readonly options: ReferenceAgencyOptions) {
    this.client = this.createClient();
  }

  // ——— lifecycle ———————————————————————————————————————————————————————————————

  /** Reads the directory, registers if needed, then polls until stop(). */
  async start(): Promise<void> {
    this.running = true;
    await this.readDirectory();
    await this.registerOnce();
    this.scheduleNextCycle();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.cycle;
    await this.statusOutbox.idle();
    await this.documentOutbox.idle();
  }

  /**
   * The in-process driver's entry point: takes the order, queues the work and answers at once;
   * the packets leave through the outbox, like everything else the agency sends.
   */
  readonly handleTrigger = async (trigger: TriggerJson): Promise<TriggerAnswer> => {
    const answer = await this.acceptTrigger(trigger);
    void this.flushDocuments();
    return answer;
  };

  /** One poll cycle, for tests that drive the agency step by step. */
  async pollOnce(): Promise<void> {
    await this.cycle;
    this.cycle = this.pollCycle();
    await this.cycle;
  }

  /** Cycles never overlap: the next one is scheduled when the previous one has finished. */
  private scheduleNextCycle(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.cycle = this.pollCycle()
        .catch((e) => this.log(`lỗi / error: ${describe(e)}`))
        .finally(() => this.scheduleNextCycle());
    }, this.pollInterval());
  }

  protected async pollCycle(): Promise<void> {
    await this.receiveDocuments();
    await this.receiveStatuses();
    await this.retryAcknowledgements();
    await this.advanceHandling();
    await this.flushStatuses();
    // Documents may take a while to send (large, or a slow axis): polling does not wait for them.
    void this.flushDocuments();
    await this.followSentDocuments();
  }

  // ——— identity and time ———————————————————————————————————————————————————————

  protected createClient(): AxisClient {
    return new AxisClient({
      baseUrl: this.options.axis.baseUrl,
      systemId: this.options.code,
      secret: this.options.secret,
      fetch: this.options.axis.fetch,
    });
  }

  /** The code written in From, in TraceHeader and in ResponseFor of 13s. */
  protected ownCode(): string {
    return this.options.code;
  }

  protected ownOrganization(): Organization {
    return { organId: this.ownCode(), organName: this.options.name };
  }

  protected now(): Date {
    return (this.options.clock ?? (() => new Date()))();
  }

  /** Packet timestamps: Vietnam local time, no zone. */
  protected timestamp(): string {
    return vietnamTimestamp(this.now());
  }

  protected staffInfo(): StaffInfo {
    return { department: 'Văn thư', staff: 'Cán bộ văn thư', email: 'vanthu@example.gov.vn' };
  }

  protected pollInterval(): number {
    return this.options.pollIntervalMs ?? 400;
  }

  protected log(line: string): void {
    this.options.log?.(`[${this.ownCode()}] ${line}`);
  }

  // ——— directory ———————————————————————————————————————————————————————————————

  /** Reads the axis directory once (I-03), to compare agency codes in both forms. */
  protected async readDirectory(): Promise<void> {
    try {
      const reply = await this.client.getAgenciesListQD20();
      if (reply.status === 'OK') this.directory = reply.data.map(directoryRecordOf);
    } catch (e) {
      this.log(`không đọc được danh bạ / directory unreadable: ${describe(e)}`);
    }
  }

  /** Registers the agency's own code only when the directory does not know it yet. */
  protected async registerOnce(): Promise<void> {
    if (this.knowsAgency(this.ownCode())) return;
    try {
      const reply = await this.client.registerAgency({ pcode: '', code: this.ownCode(), name: this.options.name });
      if (reply.status === 'OK') this.directory.push({ id: this.ownCode(), code: this.ownCode(), code102: this.ownCode(), name: this.options.name, version: 0, deleted: false });
    } catch (e) {
      this.log(`không đăng ký được / registration failed: ${describe(e)}`);
    }
  }

  protected knowsAgency(code: string): boolean {
    return resolveAgency(code, this.directory) !== undefined;
  }

  /** Codes compared as agencies: the QCVN 102 and QĐ 20 forms of one agency are equal. */
  protected sameAgency(a: string, b: string): boolean {
    return sameAgency(a, b, this.directory);
  }

  // ——— receiving documents ——————————————————————————————————————————————————————

  protected async receiveDocuments(): Promise<void> {
    const items = await this.listInbox('edoc');
    for (const item of items) {
      await this.receiveDelivery(item);
      // Answer at once (01 within the receipt deadline), not after the whole inbox.
      await this.flushStatuses();
    }
  }

  protected async receiveStatuses(): Promise<void> {
    const items = await this.listInbox('status');
    for (const item of items) {
      await this.receiveDelivery(item);
      await this.flushStatuses();
    }
  }

  protected async listInbox(messagetype: 'edoc' | 'status'): Promise<ReceivedItem[]> {
    try {
      const reply = await this.client.getReceivedEdocList({ messagetype });
      return reply.status === 'OK' ? reply.data : [];
    } catch (e) {
      this.log(`không lấy được danh sách ${messagetype} / cannot list ${messagetype}: ${describe(e)}`);
      return [];
    }
  }

  /** One listed delivery: fetch, read, record, acknowledge, answer. Listed again → only the ack. */
  protected async receiveDelivery(item: ReceivedItem): Promise<void> {
    const record = this.ledger.delivery(item.docId);
    if (!record.handled) {
      const bytes = await this.fetchPacket(item.docId);
      // Not fetched (dropped, refused): it stays listed and is tried again next cycle (F-02).
      if (!bytes) return;
      const report = await this.inspect(bytes);
      record.ack = this.acknowledgementFor(report);
      // The packet's own kind decides, whichever mailbox it came through.
      if (report.packet?.kind === 'edoc') await this.handleDocument(report.packet, report);
      else if (report.packet?.kind === 'status') await this.handleStatus(report.packet);
      record.handled = true;
    }
    if (!record.acknowledged && record.ack) record.acknowledged = await this.acknowledge(item.docId, record.ack.state, record.ack.description);
  }

  /** getEdoc returns the stored bytes, base64; undefined when the axis did not give them. */
  protected async fetchPacket(receiverId: string): Promise<Uint8Array | undefined> {
    try {
      const reply = await this.client.getEdoc(receiverId);
      if (reply.status !== 'OK') return undefined;
      return Uint8Array.from(Buffer.from(reply.data, 'base64'));
    } catch (e) {
      this.log(`không tải được ${receiverId} / fetch failed: ${describe(e)}`);
      return undefined;
    }
  }

  /** The one validator, with the run's trust anchors and current CRL, and the directory read at start. */
  protected async inspect(bytes: Uint8Array): Promise<ValidationReport> {
    const trust = await this.options.trust();
    return validatePacket(bytes, {
      trustAnchors: trust.trustAnchors,
      crls: trust.crls,
      directory: this.directory,
      now: this.now(),
    });
  }

  /** Transport acknowledgement: `done` for anything readable, `fail` for garbage (R-08b). */
  protected acknowledgementFor(report: ValidationReport): { state: 'done' | 'fail'; description?: string } {
    if (report.packet) return { state: 'done' };
    return { state: 'fail', description: 'Goi tin khong doc duoc' };
  }

  /** updateStatus; true when the axis answered OK (otherwise retried next cycle, F-03). */
  protected async acknowledge(receiverId: string, state: 'done' | 'fail', description?: string): Promise<boolean> {
    try {
      const reply = await this.client.updateStatus(receiverId, state, description);
      return reply.status === 'OK';
    } catch (e) {
      this.log(`xác nhận ${receiverId} lỗi / ack failed: ${describe(e)}`);
      return false;
    }
  }

  protected async retryAcknowledgements(): Promise<void> {
    for (const record of this.ledger.deliveries.values()) {
      if (record.handled && !record.acknowledged && record.ack) {
        record.acknowledged = await this.acknowledge(record.receiverId, record.ack.state, record.ack.description);
      }
    }
  }

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

  // ——— business packets and take-back requests ————————————————————————————————

  /** Revocation / update / replacement: answered once with 15 (agree) or 16 (refuse). */
  protected async handleBusiness(packet: EdocPacket): Promise<void> {
    const documentId = packet.header.documentId ?? '';
    if (this.ledger.received.has(documentId)) return;
    const record: ReceivedDocument = { documentId, packet, statuses: [], handling: 'finished' };
    this.ledger.received.set(documentId, record);
    const concerned = this.ledger.received.get(packet.business?.documentId ?? '');
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

  /** A status packet in our status inbox: a 13 is answered; feedback on our documents is recorded. */
  protected async handleStatus(status: StatusPacket): Promise<void> {
    const code = status.header.statusCode ?? '';
    if (code === '13') {
      await this.handleTakeBack(status);
      return;
    }
    const documentId = status.header.responseFor?.documentId ?? '';
    const codes = this.ledger.feedbackByDocument.get(documentId) ?? [];
    codes.push(code);
    this.ledger.feedbackByDocument.set(documentId, codes);
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

  // ——— status feedback ———————————————————————————————————————————————————————————

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

  // ——— sending on trigger —————————————————————————————————————————————————————————

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

  // ——— the outbox and following sent documents ——————————————————————————————————

  protected flushStatuses(): Promise<void> {
    return this.statusOutbox.flush((item) => this.transmit(item), this.retryPolicy(), () => Date.now());
  }

  protected flushDocuments(): Promise<void> {
    return this.documentOutbox
      .flush((item) => this.transmit(item), this.retryPolicy(), () => Date.now())
      .catch((e) => this.log(`lỗi gửi / send error: ${describe(e)}`));
  }

  /** Up to 3 refusals (I-05), generous for a silent axis (F-04), backoff doubling from 250 ms. */
  protected retryPolicy(): RetryPolicy {
    return { maxRefusals: 3, maxTransportFailures: 20, backoffMs: (failures) => Math.min(250 * 2 ** (failures - 1), 2_000) };
  }

  /** One sendEdoc try. A FAIL means nothing was stored; no answer is retried the same way. */
  protected async transmit(item: OutboxItem): Promise<SendAttempt> {
    try {
      const reply = await this.client.sendEdoc(item.bytes, { messagetype: item.messagetype, from: this.ownCode() });
      if (reply.status === 'OK') return { kind: 'stored', senderId: reply.DocId };
      return { kind: 'refused', errorCode: reply.ErrorCode, errorDesc: reply.ErrorDesc };
    } catch (e) {
      return { kind: 'no-answer', detail: describe(e) };
    }
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
      this.log(`không theo dõi được ${sent.documentId} / cannot follow: ${describe(e)}`);
    }
  }

  protected finishedFollowing(sent: SentDocument): boolean {
    const recipients = [...sent.feedback.values()];
    return recipients.length >= sent.recipients.length && recipients.every((codes) => TERMINAL_FEEDBACK.has(codes.at(-1) ?? ''));
  }
}

/** getAgenciesListQD20 gives both forms of each code, which is what comparing agencies needs. */
function directoryRecordOf(item: AgencyQd20Item): DirectoryRecord {
  return { id: item.id, code: item.code, code102: item.code102 || undefined, name: item.name, version: 0, deleted: false };
}

const describe = (e: unknown): string => (e instanceof AxisTransportError || e instanceof Error ? e.message : String(e));

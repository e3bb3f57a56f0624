// Polling: the agency's life (start, stop, one poll cycle after another, never overlapping), who it is
// (its code, name, clock, staff) and what it reads once at start: the axis directory, so both code
// forms of an agency compare equal, and its own registration when the directory lacks it.
import { AxisClient, AxisTransportError } from '../../../simulator/client/client.ts';
import type { AgencyQd20Item, ReceivedItem } from '../../../simulator/client/replies.ts';
import { vietnamTimestamp } from '../../../edxml/dates.ts';
import { resolveAgency, sameAgency } from '../../../edxml/identifiers.ts';
import type { DirectoryRecord, Organization, StaffInfo } from '../../../edxml/types.ts';
import type { TriggerJson } from '../../drivers/trigger.ts';
import { Ledger } from '../ledger.ts';
import type { ReferenceAgencyOptions, TriggerAnswer } from './options.ts';

export abstract class PollingAgency {
  protected readonly client: AxisClient;
  protected readonly ledger = new Ledger();
  protected directory: DirectoryRecord[] = [];
  private timer?: NodeJS.Timeout;
  private running = false;
  private cycle?: Promise<void>;

  constructor(readonly options: ReferenceAgencyOptions) {
    this.client = this.createClient();
  }

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
    await this.drainOutboxes();
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
        .catch((e) => this.log(`lỗi / error: ${describeError(e)}`))
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

  /** Reads the axis directory once (I-03), to compare agency codes in both forms. */
  protected async readDirectory(): Promise<void> {
    try {
      const reply = await this.client.getAgenciesListQD20();
      if (reply.status === 'OK') this.directory = reply.data.map(directoryRecordOf);
    } catch (e) {
      this.log(`không đọc được danh bạ / directory unreadable: ${describeError(e)}`);
    }
  }

  /** Registers the agency's own code only when the directory does not know it yet. */
  protected async registerOnce(): Promise<void> {
    if (this.knowsAgency(this.ownCode())) return;
    try {
      const reply = await this.client.registerAgency({ pcode: '', code: this.ownCode(), name: this.options.name });
      if (reply.status === 'OK') this.directory.push({ id: this.ownCode(), code: this.ownCode(), code102: this.ownCode(), name: this.options.name, version: 0, deleted: false });
    } catch (e) {
      this.log(`không đăng ký được / registration failed: ${describeError(e)}`);
    }
  }

  protected knowsAgency(code: string): boolean {
    return resolveAgency(code, this.directory) !== undefined;
  }

  /** Codes compared as agencies: the QCVN 102 and QĐ 20 forms of one agency are equal. */
  protected sameAgency(a: string, b: string): boolean {
    return sameAgency(a, b, this.directory);
  }

  protected async listInbox(messagetype: 'edoc' | 'status'): Promise<ReceivedItem[]> {
    try {
      const reply = await this.client.getReceivedEdocList({ messagetype });
      return reply.status === 'OK' ? reply.data : [];
    } catch (e) {
      this.log(`không lấy được danh sách ${messagetype} / cannot list ${messagetype}: ${describeError(e)}`);
      return [];
    }
  }

  protected abstract receiveDocuments(): Promise<void>;
  protected abstract receiveStatuses(): Promise<void>;
  protected abstract retryAcknowledgements(): Promise<void>;
  protected abstract advanceHandling(): Promise<void>;
  protected abstract flushStatuses(): Promise<void>;
  protected abstract flushDocuments(): Promise<void>;
  protected abstract followSentDocuments(): Promise<void>;
  protected abstract acceptTrigger(trigger: TriggerJson): Promise<TriggerAnswer>;
  protected abstract drainOutboxes(): Promise<void>;
}

/** getAgenciesListQD20 gives both forms of each code, which is what comparing agencies needs. */
function directoryRecordOf(item: AgencyQd20Item): DirectoryRecord {
  return { id: item.id, code: item.code, code102: item.code102 || undefined, name: item.name, version: 0, deleted: false };
}

export const describeError = (e: unknown): string => (e instanceof AxisTransportError || e instanceof Error ? e.message : String(e));

// The agency's outbox (hộp thư đi): every packet it must send — documents, business packets,
// status feedback — waits in one until the axis answers OK. Packets sharing an ordering key (one
// document and one addressee) leave strictly in order, so a 03 never overtakes its 01 even when
// the 01 needed a retry. A packet leaves the outbox exactly once: when stored, or when abandoned.

export interface RetryPolicy {
  /** FAIL replies (the axis refused, nothing stored) before giving up: I-05 asks for at most 3. */
  maxRefusals: number;
  /** Calls without an answer (dropped, silent axis) before giving up. */
  maxTransportFailures: number;
  /** Wait before the next try, after `failures` failed tries of this packet (1, 2, …). */
  backoffMs(failures: number): number;
}

export interface OutboxItem {
  /** Packets with the same key are sent in the order they were queued. */
  key: string;
  /** What the packet is, for logs. */
  label: string;
  bytes: Uint8Array;
  messagetype: 'edoc' | 'status';
  refusals: number;
  transportFailures: number;
  /** Not before this time (ms since epoch): the backoff. */
  notBefore: number;
  /** Called once with the axis sender id when the send is stored. */
  stored(senderId: string): void;
  /** Called once when the agency gives up on the packet. */
  abandoned(reason: string): void;
}

/** What one try of a send came to. */
export type SendAttempt =
  | { kind: 'stored'; senderId: string }
  | { kind: 'refused'; errorCode: string; errorDesc: string }
  | { kind: 'no-answer'; detail: string };

export class Outbox {
  private readonly items: OutboxItem[] = [];
  private flushing?: Promise<void>;
  private again = false;

  get size(): number {
    return this.items.length;
  }

  add(item: Omit<OutboxItem, 'refusals' | 'transportFailures' | 'notBefore'>): void {
    this.items.push({ ...item, refusals: 0, transportFailures: 0, notBefore: 0 });
  }

  /**
   * Tries every packet that is due and not behind an earlier packet of its key. `send` makes one
   * try; the policy decides between another try later and giving up. Only one flush runs at a
   * time — two would send the same packet twice — and one asked for meanwhile runs right after.
   */
  flush(send: (item: OutboxItem) => Promise<SendAttempt>, policy: RetryPolicy, now: () => number): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.again = false;
        await this.flushOnce(send, policy, now);
      } while (this.again);
    })().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /** Resolves when no flush is running. */
  async idle(): Promise<void> {
    await this.flushing;
  }

  private async flushOnce(send: (item: OutboxItem) => Promise<SendAttempt>, policy: RetryPolicy, now: () => number): Promise<void> {
    const blocked = new Set<string>();
    for (const item of [...this.items]) {
      if (blocked.has(item.key)) continue;
      if (item.notBefore > now()) {
        blocked.add(item.key);
        continue;
      }
      const attempt = await send(item);
      if (attempt.kind === 'stored') {
        this.remove(item);
        item.stored(attempt.senderId);
        continue;
      }
      if (attempt.kind === 'refused') item.refusals++;
      else item.transportFailures++;
      const failures = item.refusals + item.transportFailures;
      if (item.refusals >= policy.maxRefusals || item.transportFailures >= policy.maxTransportFailures) {
        this.remove(item);
        item.abandoned(attempt.kind === 'refused' ? `${attempt.errorCode} ${attempt.errorDesc}` : attempt.detail);
        continue;
      }
      item.notBefore = now() + policy.backoffMs(failures);
      blocked.add(item.key);
    }
  }

  private remove(item: OutboxItem): void {
    const at = this.items.indexOf(item);
    if (at >= 0) this.items.splice(at, 1);
  }
}

// Replay protection (sandbox policy, docs/axis.md): the protocol's signed headers carry no nonce
// and do not name the operation, so a captured set can be sent again, or to another operation.
// When enabled, each signed-header set is accepted once, for the operation it was first used on.
// The memory is this process's (replicas do not share it) and forgets sets older than the
// timestamp window, outside which they are refused anyway.
import { createHash } from 'node:crypto';

export class SignedHeaderLedger {
  private readonly seen = new Map<string, { operation: string; at: number }>();

  constructor(private readonly windowMs: number) {}

  /** Records the set; returns the operation it was already used on, when it was. */
  use(signHeader: Buffer, hashHeader: string, operation: string, now: number): string | undefined {
    const key = createHash('sha256').update(signHeader).update('\n').update(hashHeader).digest('base64');
    for (const [k, v] of this.seen) {
      if (now - v.at <= this.windowMs) break;
      this.seen.delete(k);
    }
    const earlier = this.seen.get(key);
    if (earlier) return earlier.operation;
    this.seen.set(key, { operation, at: now });
    return undefined;
  }
}

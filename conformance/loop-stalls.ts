// Pauses of this process's event loop, so a deadline is never judged on the harness's own stall.
// The axis stamps each exchange when it starts handling it; a request that reached the socket
// while the loop was blocked is stamped only when the loop resumes. A heartbeat notices every gap
// between its ticks longer than the threshold; an answer stamped inside such a gap (or right after
// it) may have arrived as early as the gap's start, and the harness cannot prove otherwise.

export interface LoopStalls {
  /** The earliest moment an exchange stamped at `time` (epoch ms) may have arrived. */
  earliestArrival(time: number): number;
  /** The pauses seen so far, oldest first (bounded list). */
  pauses(): readonly { start: number; end: number }[];
  stop(): void;
}

const KEEP = 500;

export function watchLoopStalls(options: { tickMs?: number; thresholdMs?: number } = {}): LoopStalls {
  const tickMs = options.tickMs ?? 20;
  const thresholdMs = options.thresholdMs ?? 100;
  const seen: { start: number; end: number }[] = [];
  let last = Date.now();
  const heartbeat = setInterval(() => {
    const now = Date.now();
    if (now - last > thresholdMs) {
      seen.push({ start: last, end: now });
      if (seen.length > KEEP) seen.shift();
    }
    last = now;
  }, tickMs);
  heartbeat.unref();
  return {
    earliestArrival(time) {
      // Stamped inside a pause, or within one tick after it (the heartbeat itself may run after
      // the requests the loop read first once it resumed): the pause's start bounds the arrival.
      for (let i = seen.length - 1; i >= 0; i--) {
        const p = seen[i];
        if (time > p.start && time <= p.end + tickMs) return p.start;
        if (p.end + tickMs < time) break;
      }
      // A pause still going on (no tick since `last`), judged from inside it.
      if (time > last && Date.now() - last > thresholdMs) return last;
      return time;
    },
    pauses: () => seen,
    stop: () => clearInterval(heartbeat),
  };
}

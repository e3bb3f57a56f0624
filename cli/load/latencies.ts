// Latency samples per operation and their percentiles (nearest-rank), for `truc load`.

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The nearest-rank percentile of ascending `sorted` (0 when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

export class Latencies {
  private readonly samples = new Map<string, number[]>();

  add(operation: string, ms: number): void {
    let list = this.samples.get(operation);
    if (!list) this.samples.set(operation, (list = []));
    list.push(ms);
  }

  /** Times `work` under `operation`; failures are timed too (the caller counts them as errors). */
  async time<T>(operation: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(operation, performance.now() - start);
    }
  }

  summary(): Record<string, LatencySummary> {
    return Object.fromEntries([...this.samples].sort(([a], [b]) => (a < b ? -1 : 1)).map(([op, list]) => [op, summarize(list)]));
  }
}

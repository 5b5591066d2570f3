/** Durations of the recent cycles. */
export interface CycleStats {
  readonly count: number;
  readonly last_ms: number | null;
  readonly mean_ms: number | null;
  readonly p50_ms: number | null;
  readonly p95_ms: number | null;
  readonly max_ms: number | null;
  /** The recent durations, oldest first (for sparklines). */
  readonly recent_ms: readonly number[];
}

/** Keeps the last `size` cycle durations and summarizes them. */
export function createCycleStats(size = 60) {
  const recent: number[] = [];
  let count = 0;
  const at = (sorted: readonly number[], q: number): number | null => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? null;
  return {
    record(ms: number): void {
      count += 1;
      recent.push(ms);
      if (recent.length > size) recent.shift();
    },
    snapshot(): CycleStats {
      const sorted = [...recent].sort((a, b) => a - b);
      return {
        count,
        last_ms: recent.at(-1) ?? null,
        mean_ms: recent.length === 0 ? null : recent.reduce((sum, ms) => sum + ms, 0) / recent.length,
        p50_ms: at(sorted, 0.5),
        p95_ms: at(sorted, 0.95),
        max_ms: sorted.at(-1) ?? null,
        recent_ms: [...recent],
      };
    },
  };
}

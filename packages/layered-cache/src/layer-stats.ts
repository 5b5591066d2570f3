/** Counters of one layer, as reported by `LayeredCache.stats()`. */
export interface LayerStats {
  /** Reads (`get`, `getOrCompute`) answered from the layer. */
  readonly hits: number;
  /** Reads not answered: absent, expired, or stored for another stamp. */
  readonly misses: number;
  /** `hits / (hits + misses)`, 0 before the first read. */
  readonly hit_rate: number;
  /** Live entries now. */
  readonly size: number;
  /** Sum of `sizeOf` over live entries; 0 when the layer has no `maxSize`. */
  readonly total_size: number;
  /** Entries dropped to stay within `max` or `maxSize` (expiry and invalidation are not evictions). */
  readonly evictions: number;
  /** `getOrCompute` calls that joined a compute already running for the key instead of starting one. */
  readonly deduplicated: number;
}

/** Mutable read counters of a layer; sizes come from its store. */
export interface ReadCounters {
  hits: number;
  misses: number;
  deduplicated: number;
}

/** Builds a {@link LayerStats} snapshot. */
export function toLayerStats(
  counters: ReadCounters,
  store: { size: number; totalSize: number; evictions: number },
): LayerStats {
  const reads = counters.hits + counters.misses;
  return {
    hits: counters.hits,
    misses: counters.misses,
    hit_rate: reads === 0 ? 0 : counters.hits / reads,
    size: store.size,
    total_size: store.totalSize,
    evictions: store.evictions,
    deduplicated: counters.deduplicated,
  };
}

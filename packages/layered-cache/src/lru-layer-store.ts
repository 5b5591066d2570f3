import { LRUCache } from 'lru-cache';
import type { MonotonicClock } from '@tmux-orc/clock';
import type { LayerOptions } from './layer-options.js';
import type { LayerStore, StoredEntry } from './layer-store.js';
import { checkedSizeOf, estimateSize } from './size-of.js';

/**
 * lru-cache treats a write time of exactly 0 as "no start time", so an entry written when the
 * clock reads 0 (an injected test clock, typically) would never expire. Counting from 1 at
 * construction keeps every age the same and every write time above 0.
 */
function nonZeroClock(clock: MonotonicClock): MonotonicClock {
  const origin = clock.now();
  return { now: () => clock.now() - origin + 1 };
}

/**
 * A layer store for the `ttl` and `lru` strategies, backed by `lru-cache`.
 *
 * Entries are wrapped in {@link StoredEntry} objects, so `undefined` and `null` values can be
 * cached too (`lru-cache` refuses them as raw values).
 */
export function createLruLayerStore<Value>(
  layer: string,
  options: LayerOptions<Value>,
  clock: MonotonicClock,
): LayerStore<Value> {
  let evictions = 0;
  const sizeOf = checkedSizeOf<Value>(layer, options.sizeOf ?? estimateSize);
  const cache = new LRUCache<string, StoredEntry<Value>>({
    max: options.max,
    ...(options.ttl === undefined ? {} : { ttl: options.ttl }),
    ...(options.maxSize === undefined
      ? {}
      : { maxSize: options.maxSize, sizeCalculation: (entry, key) => sizeOf(entry.value, key) }),
    perf: nonZeroClock(clock),
    // lru-cache caches `now()` for `ttlResolution` ms of *real* time; 0 reads the injected clock every time.
    ttlResolution: 0,
    dispose: (_entry, _key, reason) => {
      if (reason === 'evict') evictions += 1;
    },
  });

  return {
    peek: (key) => cache.peek(key),
    touch: (key) => {
      cache.get(key);
    },
    set: (key, entry) => {
      cache.set(key, entry);
      // lru-cache silently skips values larger than maxSize (and drops the old one).
      return cache.peek(key) === entry;
    },
    delete: (key) => cache.delete(key),
    keys: () => [...cache.keys()],
    purgeExpired: () => {
      cache.purgeStale();
    },
    get size() {
      return cache.size;
    },
    get totalSize() {
      return cache.calculatedSize;
    },
    get evictions() {
      return evictions;
    },
  };
}

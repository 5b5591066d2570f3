import type { MonotonicClock } from '@tmux-orc/clock';
import { toKeyMatcher, type InvalidateTarget } from './invalidate-target.js';
import type { LayerOptions } from './layer-options.js';
import { toLayerStats, type LayerStats, type ReadCounters } from './layer-stats.js';
import type { LayerStore } from './layer-store.js';
import { createLfuLayerStore } from './lfu-layer-store.js';
import { createLruLayerStore } from './lru-layer-store.js';
import { createSingleFlight } from './single-flight.js';
import { stampMatches, type Stamp } from './stamp.js';

/** One named layer: its store, its computes in progress and its counters. */
export interface CacheLayer<Value> {
  get(key: string, stamp: Stamp | undefined): Value | undefined;
  has(key: string, stamp: Stamp | undefined): boolean;
  set(key: string, value: Value, stamp: Stamp | undefined): boolean;
  delete(key: string): boolean;
  getOrCompute(key: string, compute: () => Value | PromiseLike<Value>, stamp: Stamp | undefined): Promise<Value>;
  invalidate(target: InvalidateTarget): number;
  stats(): LayerStats;
}

function createStore<Value>(name: string, options: LayerOptions<Value>, clock: MonotonicClock): LayerStore<Value> {
  return options.strategy === 'lfu'
    ? createLfuLayerStore(name, options, clock)
    : createLruLayerStore(name, options, clock);
}

/** Creates one layer; options must already be validated. */
export function createCacheLayer<Value>(name: string, options: LayerOptions<Value>, clock: MonotonicClock): CacheLayer<Value> {
  const store = createStore(name, options, clock);
  const flights = createSingleFlight<Value>();
  const counters: ReadCounters = { hits: 0, misses: 0, deduplicated: 0 };

  function live(key: string, stamp: Stamp | undefined) {
    const entry = store.peek(key);
    return entry !== undefined && stampMatches(entry.stamp, stamp) ? entry : undefined;
  }

  function write(key: string, value: Value, stamp: Stamp | undefined): boolean {
    return store.set(key, { value, stamp });
  }

  function remove(key: string): boolean {
    flights.discard(key);
    return store.delete(key);
  }

  return {
    get(key, stamp) {
      const entry = live(key, stamp);
      if (entry === undefined) {
        counters.misses += 1;
        return undefined;
      }
      counters.hits += 1;
      store.touch(key);
      return entry.value;
    },
    has: (key, stamp) => live(key, stamp) !== undefined,
    set(key, value, stamp) {
      // The newest write wins over a compute that started before it.
      flights.discard(key);
      return write(key, value, stamp);
    },
    delete: remove,
    getOrCompute(key, compute, stamp) {
      const entry = live(key, stamp);
      if (entry !== undefined) {
        counters.hits += 1;
        store.touch(key);
        return Promise.resolve(entry.value);
      }
      counters.misses += 1;
      const running = flights.join(key, stamp);
      if (running !== undefined) {
        counters.deduplicated += 1;
        return running;
      }
      return flights.start(key, stamp, compute, (value) => {
        write(key, value, stamp);
      });
    },
    invalidate(target) {
      const matches = toKeyMatcher(name, target);
      for (const key of flights.keys()) if (matches(key)) flights.discard(key);
      let removed = 0;
      for (const key of store.keys()) if (matches(key) && store.delete(key)) removed += 1;
      return removed;
    },
    stats() {
      store.purgeExpired();
      return toLayerStats(counters, store);
    },
  };
}

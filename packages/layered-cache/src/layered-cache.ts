import { createCacheLayer, type CacheLayer } from './cache-layer.js';
import { type MonotonicClock, systemMonotonicClock } from '@tmux-orc/clock';
import type { InvalidateTarget } from './invalidate-target.js';
import type { LayerOptions } from './layer-options.js';
import type { LayerStats } from './layer-stats.js';
import { LayeredCacheError } from './layered-cache-error.js';
import type { Stamp } from './stamp.js';
import { validateLayeredCacheOptions } from './validate-options.js';

/** The value type of every layer; `unknown` unless the caller names them. */
export type LayerValues<Layers extends string> = { [Layer in Layers]: unknown };

/** Options of {@link createLayeredCache}. */
export interface LayeredCacheOptions<Values extends object> {
  /** One entry per layer, keyed by the layer's name (any string, e.g. `pane_content`). */
  layers: { [Layer in keyof Values]: LayerOptions<Values[Layer]> };
  /** Time source for TTLs, in milliseconds. Default: {@link systemMonotonicClock} (`performance.now()`). */
  clock?: MonotonicClock;
}

/** Options of reads and writes that carry a stamp. */
export interface StampOptions {
  /**
   * The version the entry is for (e.g. a pane's `window_activity`). A read with a stamp only
   * accepts an entry stored with the same stamp; a read without one accepts any entry.
   */
  stamp?: Stamp;
}

/** One entry for {@link LayeredCache.warm}. */
export interface WarmEntry<Value> {
  key: string;
  value: Value;
  stamp?: Stamp;
}

/** Options of {@link LayeredCache.cached}. */
export interface CachedOptions<Args extends readonly unknown[]> {
  /** The cache key of a call. */
  key: (...args: Args) => string;
  /** The stamp of a call, if its result is only valid for a version. */
  stamp?: (...args: Args) => Stamp | undefined;
}

/**
 * Named cache layers, each with its own strategy and bounds. `Layers` are the layer names:
 * passing any other name is a type error.
 */
export interface LayeredCache<Layers extends string, Values extends LayerValues<Layers> = LayerValues<Layers>> {
  /** The layer names, in the order given. */
  readonly layers: readonly Layers[];
  /** The live value of `key` (for `stamp`, if given); counts a hit or a miss. */
  get<Layer extends Layers>(layer: Layer, key: string, options?: StampOptions): Values[Layer] | undefined;
  /** Whether `key` has a live value (for `stamp`, if given); counts nothing, uses nothing. */
  has(layer: Layers, key: string, options?: StampOptions): boolean;
  /**
   * Stores a value, evicting others if the layer is full. Returns `false` when the value alone
   * exceeds the layer's `maxSize` and so was not stored. A compute running for the key will
   * not overwrite it.
   */
  set<Layer extends Layers>(layer: Layer, key: string, value: Values[Layer], options?: StampOptions): boolean;
  /** Removes `key`; a compute running for it will not store its result. */
  delete(layer: Layers, key: string): boolean;
  /**
   * The live value of `key`, or the result of `compute`, which is then stored.
   * Concurrent callers of one key (and stamp) share one compute. A failed compute is not stored
   * and every caller waiting on it gets its error. A different `stamp` is a miss: it recomputes
   * and replaces the entry.
   */
  getOrCompute<Layer extends Layers>(
    layer: Layer,
    key: string,
    compute: () => Values[Layer] | PromiseLike<Values[Layer]>,
    options?: StampOptions,
  ): Promise<Values[Layer]>;
  /** Removes one key, every key with a prefix, or every key a predicate accepts; returns how many. */
  invalidate(layer: Layers, target: InvalidateTarget): number;
  /** Pre-loads entries without counting reads; returns how many were stored. */
  warm<Layer extends Layers>(layer: Layer, entries: Iterable<WarmEntry<Values[Layer]>>): number;
  /** Wraps an async function so its results are cached in `layer` under `options.key(...args)`. */
  cached<Layer extends Layers, Args extends readonly unknown[]>(
    layer: Layer,
    fn: (...args: Args) => PromiseLike<Values[Layer]>,
    options: CachedOptions<Args>,
  ): (...args: Args) => Promise<Values[Layer]>;
  /** Counters of every layer. */
  stats(): Record<Layers, LayerStats>;
  /** Counters of one layer. */
  stats(layer: Layers): LayerStats;
}

/**
 * Creates a {@link LayeredCache}.
 *
 * @example
 * const cache = createLayeredCache<{ pane_content: string }>({
 *   layers: { pane_content: { strategy: 'lru', max: 2000, ttl: 30_000 } },
 * });
 * const screen = await cache.getOrCompute('pane_content', '%3', capture, { stamp: activity });
 *
 * @throws {LayeredCacheError} `INVALID_OPTION` when options are invalid, naming the option,
 * the expected and the actual value.
 */
export function createLayeredCache<Values extends object>(
  options: LayeredCacheOptions<Values>,
): LayeredCache<keyof Values & string, Values> {
  type Layers = keyof Values & string;
  validateLayeredCacheOptions(options);
  const clock = options.clock ?? systemMonotonicClock;
  const names = Object.keys(options.layers) as Layers[];
  const byName = new Map<string, CacheLayer<unknown>>();
  for (const name of names) {
    byName.set(name, createCacheLayer<unknown>(name, options.layers[name] as LayerOptions<unknown>, clock));
  }

  // Values are stored per layer as `unknown`; the typed signatures below only let a layer's own
  // value type in, so reading it back as that type is sound.
  function layerOf<Layer extends Layers>(name: Layer): CacheLayer<Values[Layer]> {
    const layer = byName.get(name);
    if (layer === undefined) {
      throw new LayeredCacheError(
        'UNKNOWN_LAYER',
        `Expected \`layer\` to be one of ${names.map((n) => `\`${n}\``).join(', ')}, got \`${String(name)}\``,
      );
    }
    return layer as CacheLayer<Values[Layer]>;
  }

  const cache: LayeredCache<Layers, Values> = {
    layers: names,
    get: (layer, key, opts) => layerOf(layer).get(key, opts?.stamp),
    has: (layer, key, opts) => layerOf(layer).has(key, opts?.stamp),
    set: (layer, key, value, opts) => layerOf(layer).set(key, value, opts?.stamp),
    delete: (layer, key) => layerOf(layer).delete(key),
    getOrCompute(layer, key, compute, opts) {
      try {
        return layerOf(layer).getOrCompute(key, compute, opts?.stamp);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    invalidate: (layer, target) => layerOf(layer).invalidate(target),
    warm(layer, entries) {
      const target = layerOf(layer);
      let stored = 0;
      for (const entry of entries) if (target.set(entry.key, entry.value, entry.stamp)) stored += 1;
      return stored;
    },
    cached(layer, fn, opts) {
      layerOf(layer);
      return (...args) =>
        cache.getOrCompute(layer, opts.key(...args), () => fn(...args), { stamp: opts.stamp?.(...args) });
    },
    stats: ((layer?: Layers) => {
      if (layer !== undefined) return layerOf(layer).stats();
      return Object.fromEntries(names.map((name) => [name, layerOf(name).stats()]));
    }) as LayeredCache<Layers, Values>['stats'],
  };
  return cache;
}

/**
 * How a layer chooses what to drop when it is full.
 *
 * - `ttl`: entries expire `ttl` ms after they were written (required); when full, the least
 *   recently used entry goes (like Python's `cachetools.TTLCache`).
 * - `lru`: when full, the least recently used entry goes; `ttl` is optional.
 * - `lfu`: when full, the least frequently used entry goes (ties: least recently used);
 *   `ttl` is optional.
 */
export type Strategy = 'ttl' | 'lru' | 'lfu';

/** Every valid {@link Strategy}, for validation and docs. */
export const strategies: readonly Strategy[] = ['ttl', 'lru', 'lfu'];

/** Options of one cache layer. */
export interface LayerOptions<Value = unknown> {
  /** Eviction strategy, see {@link Strategy}. */
  strategy: Strategy;
  /**
   * Maximum number of entries; a positive integer. Always required, so memory is bounded.
   * `ttl` and `lru` layers preallocate room for `max` entries (lru-cache does, about 16 bytes
   * each), so size it to what the layer will really hold.
   */
  max: number;
  /**
   * Time to live in **milliseconds**, counted from the write (reads do not extend it).
   * A positive integer. Required for `strategy: 'ttl'`, optional otherwise.
   * An entry written at `t` is still served at `t + ttl` and expired at `t + ttl + 1`.
   */
  ttl?: number;
  /**
   * Maximum total size of the layer's values, in the unit of {@link LayerOptions.sizeOf}.
   * A positive integer. A single value larger than `maxSize` is not cached (a `getOrCompute` still
   * returns it) and the key's previous value is dropped.
   */
  maxSize?: number;
  /**
   * Size of one value, a positive integer; only allowed with {@link LayerOptions.maxSize}.
   * Default: a string's length, otherwise the length of its JSON (at least 1).
   */
  sizeOf?: (value: Value) => number;
}

// The public surface: the cache, its options and stats types, its error. exports.test.ts keeps it so.
export type { InvalidateTarget } from './invalidate-target.js';
export type { LayerOptions, Strategy } from './layer-options.js';
export type { LayerStats } from './layer-stats.js';
export {
  createLayeredCache,
  type CachedOptions,
  type LayerValues,
  type LayeredCache,
  type LayeredCacheOptions,
  type StampOptions,
  type WarmEntry,
} from './layered-cache.js';
export { LayeredCacheError, layeredCacheErrorCodes, type LayeredCacheErrorCode } from './layered-cache-error.js';
export type { Stamp } from './stamp.js';

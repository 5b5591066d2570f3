import type { Clock } from './clock.js';
import type { LayerOptions } from './layer-options.js';
import type { LayerStore, StoredEntry } from './layer-store.js';
import { checkedSizeOf, estimateSize } from './size-of.js';

interface LfuNode<Value> {
  entry: StoredEntry<Value>;
  frequency: number;
  size: number;
  writtenAt: number;
}

/**
 * A least-frequently-used layer store (lru-cache has no LFU).
 *
 * Keys live in one insertion-ordered `Set` per use count, so the victim is the first key of
 * the lowest non-empty count: least frequently used, ties broken by least recently used.
 * Every operation is O(1) except finding a new lowest count after deletions (O(distinct counts)).
 *
 * With a `ttl`, expired entries are purged before anything live is evicted, so a once-popular
 * entry whose time is up cannot occupy the layer forever. Because the layer's ttl is fixed,
 * write order is expiry order, and purging only looks at the oldest writes.
 */
export function createLfuLayerStore<Value>(
  layer: string,
  options: LayerOptions<Value>,
  clock: Clock,
): LayerStore<Value> {
  const { max, ttl, maxSize } = options;
  const sizeOf = checkedSizeOf<Value>(layer, options.sizeOf ?? estimateSize);
  const nodes = new Map<string, LfuNode<Value>>();
  const keysByFrequency = new Map<number, Set<string>>();
  const writeOrder = new Set<string>();
  let lowestFrequency = 1;
  let totalSize = 0;
  let evictions = 0;

  const isExpired = (node: LfuNode<Value>): boolean =>
    ttl !== undefined && clock.now() - node.writtenAt > ttl;

  function addToBucket(key: string, frequency: number): void {
    let bucket = keysByFrequency.get(frequency);
    if (bucket === undefined) {
      bucket = new Set();
      keysByFrequency.set(frequency, bucket);
    }
    bucket.add(key);
  }

  function removeFromBucket(key: string, frequency: number): void {
    const bucket = keysByFrequency.get(frequency);
    if (bucket === undefined) return;
    bucket.delete(key);
    if (bucket.size === 0) keysByFrequency.delete(frequency);
  }

  function remove(key: string): boolean {
    const node = nodes.get(key);
    if (node === undefined) return false;
    nodes.delete(key);
    writeOrder.delete(key);
    removeFromBucket(key, node.frequency);
    totalSize -= node.size;
    return true;
  }

  function purgeExpired(): void {
    if (ttl === undefined) return;
    for (const key of writeOrder) {
      const node = nodes.get(key);
      if (node === undefined || !isExpired(node)) return;
      remove(key);
    }
  }

  function evictOne(): void {
    if (!keysByFrequency.has(lowestFrequency)) {
      lowestFrequency = Math.min(...keysByFrequency.keys());
    }
    const bucket = keysByFrequency.get(lowestFrequency);
    const victim = bucket?.values().next().value;
    if (victim === undefined) return;
    remove(victim);
    evictions += 1;
  }

  const tooFull = (incomingSize: number): boolean =>
    nodes.size >= max || (maxSize !== undefined && totalSize + incomingSize > maxSize);

  return {
    peek(key) {
      const node = nodes.get(key);
      if (node === undefined) return undefined;
      if (isExpired(node)) {
        remove(key);
        return undefined;
      }
      return node.entry;
    },
    touch(key) {
      const node = nodes.get(key);
      if (node === undefined) return;
      const previous = node.frequency;
      removeFromBucket(key, previous);
      node.frequency = previous + 1;
      addToBucket(key, node.frequency);
      // `lowestFrequency` never exceeds the true minimum; if this key emptied the lowest bucket,
      // every other key has a higher count, so this key's new count is the minimum.
      if (previous === lowestFrequency && !keysByFrequency.has(previous)) lowestFrequency = node.frequency;
    },
    set(key, entry) {
      const size = maxSize === undefined ? 0 : sizeOf(entry.value, key);
      // Overwriting keeps the key's use count: it is the same key, used again.
      const frequency = nodes.get(key)?.frequency ?? 1;
      remove(key);
      if (maxSize !== undefined && size > maxSize) return false;
      purgeExpired();
      while (nodes.size > 0 && tooFull(size)) evictOne();
      nodes.set(key, { entry, frequency, size, writtenAt: clock.now() });
      writeOrder.add(key);
      addToBucket(key, frequency);
      totalSize += size;
      lowestFrequency = Math.min(lowestFrequency, frequency);
      return true;
    },
    delete: remove,
    keys() {
      purgeExpired();
      return [...nodes.keys()];
    },
    purgeExpired,
    get size() {
      return nodes.size;
    },
    get totalSize() {
      return totalSize;
    },
    get evictions() {
      return evictions;
    },
  };
}

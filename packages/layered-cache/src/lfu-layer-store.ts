import type { MonotonicClock } from '@tmux-orc/clock';
import type { LayerOptions } from './layer-options.js';
import type { LayerStore, StoredEntry } from './layer-store.js';
import { appendNode, unlinkNode, type LinkedList, type ListLinks } from './linked-list.js';
import { checkedSizeOf, estimateSize } from './size-of.js';

interface LfuNode<Value> {
  readonly key: string;
  entry: StoredEntry<Value>;
  frequency: number;
  size: number;
  writtenAt: number;
  /** Place among the keys with the same use count, least recently used first. */
  readonly byUse: ListLinks<LfuNode<Value>>;
  /** Place in write order, oldest write first (= soonest expiry, the ttl being fixed). */
  readonly byWrite: ListLinks<LfuNode<Value>>;
}

const byUse = <Value>(node: LfuNode<Value>) => node.byUse;
const byWrite = <Value>(node: LfuNode<Value>) => node.byWrite;

/**
 * A least-frequently-used layer store (lru-cache has no LFU).
 *
 * Keys sit in one linked list per use count, least recently used first, so the victim is the
 * oldest key of the lowest non-empty count: least frequently used, ties broken by least recently
 * used. Every operation is O(1) except finding a new lowest count after deletions
 * (O(distinct counts)). Linked lists rather than `Set`s: a `Set` used as a queue makes
 * `values().next()` skip every deleted slot; under eviction churn that was over half the CPU
 * profile (1.3 s of 1e6 operations), and vanished with lists.
 *
 * With a `ttl`, expired entries are purged before anything live is evicted, so a once-popular
 * entry whose time is up cannot occupy the layer forever. Because the layer's ttl is fixed,
 * write order is expiry order, and purging only looks at the oldest writes.
 */
export function createLfuLayerStore<Value>(
  layer: string,
  options: LayerOptions<Value>,
  clock: MonotonicClock,
): LayerStore<Value> {
  const { max, ttl, maxSize } = options;
  const sizeOf = checkedSizeOf<Value>(layer, options.sizeOf ?? estimateSize);
  const nodes = new Map<string, LfuNode<Value>>();
  const keysByFrequency = new Map<number, LinkedList<LfuNode<Value>>>();
  const writeOrder: LinkedList<LfuNode<Value>> = { oldest: undefined, newest: undefined };
  let lowestFrequency = 1;
  let totalSize = 0;
  let evictions = 0;

  const isExpired = (node: LfuNode<Value>): boolean =>
    ttl !== undefined && clock.now() - node.writtenAt > ttl;

  function addToBucket(node: LfuNode<Value>): void {
    let bucket = keysByFrequency.get(node.frequency);
    if (bucket === undefined) {
      bucket = { oldest: undefined, newest: undefined };
      keysByFrequency.set(node.frequency, bucket);
    }
    appendNode(bucket, node, byUse);
  }

  function removeFromBucket(node: LfuNode<Value>): void {
    const bucket = keysByFrequency.get(node.frequency);
    if (bucket === undefined) return;
    unlinkNode(bucket, node, byUse);
    if (bucket.oldest === undefined) keysByFrequency.delete(node.frequency);
  }

  function removeNode(node: LfuNode<Value>): void {
    nodes.delete(node.key);
    unlinkNode(writeOrder, node, byWrite);
    removeFromBucket(node);
    totalSize -= node.size;
  }

  function remove(key: string): boolean {
    const node = nodes.get(key);
    if (node === undefined) return false;
    removeNode(node);
    return true;
  }

  function purgeExpired(): void {
    if (ttl === undefined) return;
    while (writeOrder.oldest !== undefined && isExpired(writeOrder.oldest)) removeNode(writeOrder.oldest);
  }

  function evictOne(): void {
    if (!keysByFrequency.has(lowestFrequency)) {
      lowestFrequency = Math.min(...keysByFrequency.keys());
    }
    const victim = keysByFrequency.get(lowestFrequency)?.oldest;
    if (victim === undefined) return;
    removeNode(victim);
    evictions += 1;
  }

  const tooFull = (incomingSize: number): boolean =>
    nodes.size >= max || (maxSize !== undefined && totalSize + incomingSize > maxSize);

  return {
    peek(key) {
      const node = nodes.get(key);
      if (node === undefined) return undefined;
      if (isExpired(node)) {
        removeNode(node);
        return undefined;
      }
      return node.entry;
    },
    touch(key) {
      const node = nodes.get(key);
      if (node === undefined) return;
      const previous = node.frequency;
      removeFromBucket(node);
      node.frequency = previous + 1;
      addToBucket(node);
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
      const node: LfuNode<Value> = {
        key,
        entry,
        frequency,
        size,
        writtenAt: clock.now(),
        byUse: { older: undefined, newer: undefined },
        byWrite: { older: undefined, newer: undefined },
      };
      nodes.set(key, node);
      appendNode(writeOrder, node, byWrite);
      addToBucket(node);
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

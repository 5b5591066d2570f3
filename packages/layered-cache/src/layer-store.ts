import type { Stamp } from './stamp.js';

/** What a layer stores per key: the value and the stamp it was computed for. */
export interface StoredEntry<Value> {
  readonly value: Value;
  readonly stamp: Stamp | undefined;
}

/** The storage behind one layer; one implementation per eviction family. */
export interface LayerStore<Value> {
  /** The live entry, without counting it as a use. */
  peek(key: string): StoredEntry<Value> | undefined;
  /** Counts a use of a live entry (recency for LRU, frequency for LFU). */
  touch(key: string): void;
  /** Stores an entry, evicting others if needed; `false` when it cannot fit at all. */
  set(key: string, entry: StoredEntry<Value>): boolean;
  delete(key: string): boolean;
  /** Live keys, a snapshot safe to delete from while iterating. */
  keys(): string[];
  /** Drops expired entries so counts describe live entries. */
  purgeExpired(): void;
  /** Number of entries held (expired ones included until purged). */
  readonly size: number;
  /** Sum of entry sizes; 0 when the layer has no `maxSize`. */
  readonly totalSize: number;
  /** Entries dropped to stay within `max` or `maxSize`. */
  readonly evictions: number;
}

import { describe, expect, it } from 'vitest';
import { createManualClock } from '@tmux-orc/clock';
import { createLayeredCache } from './layered-cache.js';

const keysOf = (cache: { has(layer: 'l', key: string): boolean }, keys: string[]) =>
  keys.filter((key) => cache.has('l', key));

describe('eviction when a layer is full (max entries)', () => {
  it.each(['lru', 'ttl'] as const)('%s: drops the least recently used entry; a read counts as a use', (strategy) => {
    const cache = createLayeredCache({ layers: { l: { strategy, max: 3, ttl: 60_000 } }, clock: createManualClock() });
    cache.set('l', 'a', 1);
    cache.set('l', 'b', 2);
    cache.set('l', 'c', 3);
    cache.get('l', 'a'); // b is now the least recently used
    cache.set('l', 'd', 4);
    expect(keysOf(cache, ['a', 'b', 'c', 'd'])).toEqual(['a', 'c', 'd']);
    expect(cache.stats('l')).toMatchObject({ size: 3, evictions: 1 });
  });

  it('has() is not a use: it does not save an entry from LRU eviction', () => {
    const cache = createLayeredCache({ layers: { l: { strategy: 'lru', max: 2 } } });
    cache.set('l', 'a', 1);
    cache.set('l', 'b', 2);
    expect(cache.has('l', 'a')).toBe(true);
    cache.set('l', 'c', 3);
    expect(keysOf(cache, ['a', 'b', 'c'])).toEqual(['b', 'c']);
  });

  it('lfu: drops the least frequently used entry, ties go to the least recently used', () => {
    const cache = createLayeredCache({ layers: { l: { strategy: 'lfu', max: 3 } } });
    cache.set('l', 'hot', 1);
    cache.set('l', 'warm', 2);
    cache.set('l', 'cold', 3);
    for (let i = 0; i < 5; i++) cache.get('l', 'hot');
    cache.get('l', 'warm');
    cache.set('l', 'new1', 4); // cold (1 use) goes
    expect(keysOf(cache, ['hot', 'warm', 'cold', 'new1'])).toEqual(['hot', 'warm', 'new1']);
    cache.set('l', 'new2', 5); // new1 (1 use) goes, warm has 2
    expect(keysOf(cache, ['hot', 'warm', 'new1', 'new2'])).toEqual(['hot', 'warm', 'new2']);
    cache.get('l', 'new2');
    cache.get('l', 'new2'); // new2: 3 uses, warm: 2 uses
    cache.set('l', 'new3', 6);
    expect(keysOf(cache, ['hot', 'warm', 'new2', 'new3'])).toEqual(['hot', 'new2', 'new3']);
    expect(cache.stats('l').evictions).toBe(3);
  });

  it('lfu: a deleted entry does not confuse the choice of victim', () => {
    const cache = createLayeredCache({ layers: { l: { strategy: 'lfu', max: 3 } } });
    cache.set('l', 'once', 1);
    cache.set('l', 'twice', 2);
    cache.set('l', 'thrice', 3);
    cache.get('l', 'twice');
    cache.get('l', 'thrice');
    cache.get('l', 'thrice');
    cache.delete('l', 'once'); // the lowest count bucket is now empty
    cache.get('l', 'thrice');
    cache.set('l', 'fresh', 4);
    cache.set('l', 'fresher', 5); // fresh (1 use) goes, not twice
    expect(keysOf(cache, ['twice', 'thrice', 'fresh', 'fresher'])).toEqual(['twice', 'thrice', 'fresher']);
  });

  it('lfu: after a delete empties the lowest count, a later use does not hide less used keys', () => {
    const cache = createLayeredCache<{ l: string }>({
      layers: { l: { strategy: 'lfu', max: 10, maxSize: 3, sizeOf: (value) => value.length } },
    });
    cache.set('l', 'a', 'a');
    cache.set('l', 'b', 'b');
    cache.set('l', 'x', 'x');
    cache.get('l', 'a'); // a: 2 uses
    cache.get('l', 'b');
    cache.get('l', 'b'); // b: 3 uses
    cache.delete('l', 'x');
    cache.get('l', 'b'); // b: 4 uses
    cache.set('l', 'z', 'zz'); // needs one unit more: a (2 uses) must go, not b
    expect(keysOf(cache, ['a', 'b', 'z'])).toEqual(['b', 'z']);
  });

  it('lfu: an expired popular entry is dropped before a live one is evicted', () => {
    const clock = createManualClock();
    const cache = createLayeredCache({ layers: { l: { strategy: 'lfu', max: 2, ttl: 100 } }, clock });
    cache.set('l', 'popular', 1);
    for (let i = 0; i < 10; i++) cache.get('l', 'popular');
    clock.advance(50);
    cache.set('l', 'recent', 2);
    clock.advance(60); // popular expired, recent still live
    cache.set('l', 'newest', 3);
    expect(keysOf(cache, ['popular', 'recent', 'newest'])).toEqual(['recent', 'newest']);
    expect(cache.stats('l').evictions).toBe(0);
  });

  it('lfu: overwriting a key keeps its use count', () => {
    const cache = createLayeredCache({ layers: { l: { strategy: 'lfu', max: 2 } } });
    cache.set('l', 'a', 1);
    cache.get('l', 'a');
    cache.set('l', 'b', 1);
    cache.set('l', 'a', 2); // still 2 uses
    cache.set('l', 'c', 1);
    expect(keysOf(cache, ['a', 'b', 'c'])).toEqual(['a', 'c']);
  });
});

describe('eviction by total size (maxSize)', () => {
  it.each(['ttl', 'lru', 'lfu'] as const)('%s: keeps the sum of sizeOf within maxSize', (strategy) => {
    const cache = createLayeredCache<{ l: string }>({
      layers: { l: { strategy, max: 100, ttl: 60_000, maxSize: 10, sizeOf: (value) => value.length } },
      clock: createManualClock(),
    });
    cache.set('l', 'a', 'xxxx');
    cache.set('l', 'b', 'xxxx');
    expect(cache.stats('l')).toMatchObject({ size: 2, total_size: 8, evictions: 0 });
    cache.set('l', 'c', 'xxxx');
    expect(cache.has('l', 'a')).toBe(false);
    expect(cache.stats('l')).toMatchObject({ size: 2, total_size: 8, evictions: 1 });
  });

  it.each(['ttl', 'lru', 'lfu'] as const)('%s: a value larger than maxSize is not stored and evicts nothing else', (strategy) => {
    const cache = createLayeredCache<{ l: string }>({
      layers: { l: { strategy, max: 100, ttl: 60_000, maxSize: 10 } },
      clock: createManualClock(),
    });
    cache.set('l', 'small', 'abc');
    expect(cache.set('l', 'huge', 'x'.repeat(11))).toBe(false);
    expect(cache.has('l', 'huge')).toBe(false);
    expect(cache.get('l', 'small')).toBe('abc');
    // The key's previous value is outdated by the write, so it is dropped rather than served.
    expect(cache.set('l', 'small', 'y'.repeat(11))).toBe(false);
    expect(cache.has('l', 'small')).toBe(false);
  });

  it('estimates sizes by default: string length, else JSON length', () => {
    const cache = createLayeredCache({ layers: { l: { strategy: 'lru', max: 100, maxSize: 1_000 } } });
    cache.set('l', 's', 'hello');
    cache.set('l', 'o', { state: 'idle' }); // {"state":"idle"} = 16
    cache.set('l', 'e', ''); // never 0, so every entry counts
    expect(cache.stats('l').total_size).toBe(5 + 16 + 1);
  });

  it.each(['lru', 'lfu'] as const)('%s: a sizeOf returning a non-positive or fractional size fails loudly', (strategy) => {
    const cache = createLayeredCache<{ l: string }>({
      layers: { l: { strategy, max: 10, maxSize: 10, sizeOf: (value) => (value === 'zero' ? 0 : 0.5) } },
    });
    expect(() => cache.set('l', 'k', 'zero')).toThrow(
      'Expected `layers.l.sizeOf` to return a positive integer for key `k`, got `0`',
    );
    expect(() => cache.set('l', 'k', 'half')).toThrow(expect.objectContaining({ code: 'INVALID_SIZE' }));
  });
});

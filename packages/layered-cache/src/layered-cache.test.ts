import { describe, expect, it } from 'vitest';
import { createManualClock } from '@tmux-orc/clock';
import { LayeredCacheError } from './layered-cache-error.js';
import { createLayeredCache } from './layered-cache.js';

function monitorCache() {
  const clock = createManualClock();
  const cache = createLayeredCache<{
    pane_content: string;
    agent_status: { state: string } | undefined;
  }>({
    layers: {
      pane_content: { strategy: 'lru', max: 10 },
      agent_status: { strategy: 'ttl', max: 10, ttl: 1_000 },
    },
    clock,
  });
  return { cache, clock };
}

describe('get / set / has / delete', () => {
  it('stores and returns values per layer, layers are independent', () => {
    const { cache } = monitorCache();
    expect(cache.set('pane_content', '%1', 'screen one')).toBe(true);
    expect(cache.get('pane_content', '%1')).toBe('screen one');
    expect(cache.has('pane_content', '%1')).toBe(true);
    expect(cache.has('agent_status', '%1')).toBe(false);
    expect(cache.get('agent_status', '%1')).toBeUndefined();
  });

  it('overwrites a key and deletes it', () => {
    const { cache } = monitorCache();
    cache.set('pane_content', '%1', 'old');
    cache.set('pane_content', '%1', 'new');
    expect(cache.get('pane_content', '%1')).toBe('new');
    expect(cache.delete('pane_content', '%1')).toBe(true);
    expect(cache.delete('pane_content', '%1')).toBe(false);
    expect(cache.has('pane_content', '%1')).toBe(false);
  });

  it('caches undefined as a value, told apart from a miss by has()', () => {
    const { cache } = monitorCache();
    cache.set('agent_status', '%1', undefined);
    expect(cache.has('agent_status', '%1')).toBe(true);
    expect(cache.stats('agent_status').size).toBe(1);
  });

  it('answers a stamped read only with an entry stored for the same stamp', () => {
    const { cache } = monitorCache();
    cache.set('pane_content', '%1', 'screen at 100', { stamp: 100 });
    expect(cache.get('pane_content', '%1', { stamp: 100 })).toBe('screen at 100');
    expect(cache.get('pane_content', '%1', { stamp: 101 })).toBeUndefined();
    expect(cache.has('pane_content', '%1', { stamp: '100' })).toBe(false);
    // A read without a stamp accepts whatever is stored.
    expect(cache.get('pane_content', '%1')).toBe('screen at 100');
    cache.set('pane_content', '%2', 'unstamped');
    expect(cache.get('pane_content', '%2', { stamp: 1 })).toBeUndefined();
  });

  it('rejects an unknown layer at run time too (for JavaScript callers)', async () => {
    const { cache } = monitorCache();
    const untyped = cache as unknown as { get(layer: string, key: string): unknown } & typeof cache;
    expect(() => untyped.get('pane_contents', '%1')).toThrow(
      'Expected `layer` to be one of `pane_content`, `agent_status`, got `pane_contents`',
    );
    const getOrCompute = cache.getOrCompute as (layer: string, key: string, f: () => string) => Promise<string>;
    await expect(getOrCompute('nope', 'k', () => 'v')).rejects.toMatchObject({ code: 'UNKNOWN_LAYER' });
    await expect(getOrCompute('nope', 'k', () => 'v')).rejects.toBeInstanceOf(LayeredCacheError);
  });
});

describe('time to live, on the injected clock', () => {
  it.each(['ttl', 'lru', 'lfu'] as const)('%s: serves an entry until ttl ms after the write, not after', (strategy) => {
    const clock = createManualClock();
    const cache = createLayeredCache({ layers: { l: { strategy, max: 10, ttl: 1_000 } }, clock });
    cache.set('l', 'k', 'v');
    clock.advance(999);
    expect(cache.get('l', 'k')).toBe('v');
    clock.advance(1); // exactly ttl after the write: still served
    expect(cache.get('l', 'k')).toBe('v');
    clock.advance(1);
    expect(cache.get('l', 'k')).toBeUndefined();
    expect(cache.has('l', 'k')).toBe(false);
    expect(cache.stats('l').size).toBe(0);
  });

  it.each(['ttl', 'lru', 'lfu'] as const)('%s: reads do not extend the ttl, writes restart it', (strategy) => {
    const clock = createManualClock();
    const cache = createLayeredCache({ layers: { l: { strategy, max: 10, ttl: 100 } }, clock });
    cache.set('l', 'read', 'v');
    cache.set('l', 'rewritten', 'v1');
    clock.advance(60);
    expect(cache.get('l', 'read')).toBe('v');
    cache.set('l', 'rewritten', 'v2');
    clock.advance(60);
    expect(cache.get('l', 'read')).toBeUndefined();
    expect(cache.get('l', 'rewritten')).toBe('v2');
  });

  it.each(['ttl', 'lru', 'lfu'] as const)('%s: expires entries written while the clock reads 0', (strategy) => {
    // lru-cache ignores a start time of 0; a clock that starts at 0 must still expire entries.
    let now = 0;
    const cache = createLayeredCache({ layers: { l: { strategy, max: 10, ttl: 100 } }, clock: { now: () => now } });
    cache.set('l', 'k', 'v');
    now = 101;
    expect(cache.get('l', 'k')).toBeUndefined();
  });

  it.each(['lru', 'lfu'] as const)('%s: without a ttl entries never expire', (strategy) => {
    const clock = createManualClock();
    const cache = createLayeredCache({ layers: { l: { strategy, max: 10 } }, clock });
    cache.set('l', 'k', 'v');
    clock.advance(1e12);
    expect(cache.get('l', 'k')).toBe('v');
  });
});

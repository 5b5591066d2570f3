import { describe, expect, it } from 'vitest';
import { deferred } from './__fixtures__/deferred.js';
import { createManualClock } from '@tmux-orc/clock';
import { createLayeredCache } from './layered-cache.js';

function paneCache(strategy: 'ttl' | 'lru' | 'lfu' = 'lru') {
  const clock = createManualClock();
  const cache = createLayeredCache<{ pane_content: string }>({
    layers: { pane_content: { strategy, max: 100, ttl: 1_000 } },
    clock,
  });
  return { cache, clock };
}

describe('getOrCompute', () => {
  it.each(['ttl', 'lru', 'lfu'] as const)('%s: computes on a miss, then serves the stored value', async (strategy) => {
    const { cache } = paneCache(strategy);
    let computes = 0;
    const capture = () => {
      computes += 1;
      return Promise.resolve(`screen ${computes}`);
    };
    expect(await cache.getOrCompute('pane_content', '%1', capture)).toBe('screen 1');
    expect(await cache.getOrCompute('pane_content', '%1', capture)).toBe('screen 1');
    expect(computes).toBe(1);
    expect(cache.stats('pane_content')).toMatchObject({ hits: 1, misses: 1, hit_rate: 0.5 });
  });

  it('accepts a synchronous compute', async () => {
    const { cache } = paneCache();
    expect(await cache.getOrCompute('pane_content', '%1', () => 'sync')).toBe('sync');
    expect(cache.get('pane_content', '%1')).toBe('sync');
  });

  it('recomputes after the ttl', async () => {
    const { cache, clock } = paneCache('ttl');
    await cache.getOrCompute('pane_content', '%1', () => 'old');
    clock.advance(1_001);
    expect(await cache.getOrCompute('pane_content', '%1', () => 'new')).toBe('new');
  });

  it('stamps: an unchanged stamp is a hit, a changed stamp recomputes and replaces', async () => {
    const { cache } = paneCache();
    let captures = 0;
    const capture = (text: string) => () => {
      captures += 1;
      return Promise.resolve(text);
    };
    expect(await cache.getOrCompute('pane_content', '%1', capture('at 100'), { stamp: 100 })).toBe('at 100');
    expect(await cache.getOrCompute('pane_content', '%1', capture('unused'), { stamp: 100 })).toBe('at 100');
    expect(await cache.getOrCompute('pane_content', '%1', capture('at 105'), { stamp: 105 })).toBe('at 105');
    expect(captures).toBe(2);
    expect(cache.get('pane_content', '%1', { stamp: 105 })).toBe('at 105');
    expect(cache.has('pane_content', '%1', { stamp: 100 })).toBe(false);
    expect(cache.stats('pane_content').size).toBe(1);
  });

  it('string stamps work like numbers', async () => {
    const { cache } = paneCache();
    await cache.getOrCompute('pane_content', 'k', () => 'v1', { stamp: 'etag-1' });
    expect(await cache.getOrCompute('pane_content', 'k', () => 'v2', { stamp: 'etag-1' })).toBe('v1');
    expect(await cache.getOrCompute('pane_content', 'k', () => 'v2', { stamp: 'etag-2' })).toBe('v2');
  });
});

describe('getOrCompute single-flight', () => {
  it('concurrent callers of one key share one compute', async () => {
    const { cache } = paneCache();
    const capture = deferred<string>();
    let computes = 0;
    const compute = () => {
      computes += 1;
      return capture.promise;
    };
    const callers = [1, 2, 3, 4, 5].map(() => cache.getOrCompute('pane_content', '%1', compute));
    capture.resolve('shared');
    expect(await Promise.all(callers)).toEqual(['shared', 'shared', 'shared', 'shared', 'shared']);
    expect(computes).toBe(1);
    expect(cache.stats('pane_content')).toMatchObject({ misses: 5, hits: 0, deduplicated: 4, size: 1 });
  });

  it('different keys compute independently', async () => {
    const { cache } = paneCache();
    const results = await Promise.all([
      cache.getOrCompute('pane_content', '%1', () => Promise.resolve('one')),
      cache.getOrCompute('pane_content', '%2', () => Promise.resolve('two')),
    ]);
    expect(results).toEqual(['one', 'two']);
    expect(cache.stats('pane_content').deduplicated).toBe(0);
  });

  it('a failed compute reaches every waiter, is not cached, and the next call retries', async () => {
    const { cache } = paneCache();
    const capture = deferred<string>();
    const failure = new Error('pane %1 vanished');
    const first = cache.getOrCompute('pane_content', '%1', () => capture.promise);
    const second = cache.getOrCompute('pane_content', '%1', () => Promise.resolve('never called'));
    capture.reject(failure);
    await expect(first).rejects.toBe(failure);
    await expect(second).rejects.toBe(failure);
    expect(cache.has('pane_content', '%1')).toBe(false);
    expect(await cache.getOrCompute('pane_content', '%1', () => 'retried')).toBe('retried');
  });

  it('a compute that throws synchronously rejects instead of throwing', async () => {
    const { cache } = paneCache();
    const call = cache.getOrCompute('pane_content', '%1', () => {
      throw new Error('boom');
    });
    await expect(call).rejects.toThrow('boom');
    expect(cache.has('pane_content', '%1')).toBe(false);
  });

  it('a caller with a newer stamp does not join an older compute; the newer value is stored', async () => {
    const { cache } = paneCache();
    const older = deferred<string>();
    const newer = deferred<string>();
    const atOld = cache.getOrCompute('pane_content', '%1', () => older.promise, { stamp: 1 });
    const atNew = cache.getOrCompute('pane_content', '%1', () => newer.promise, { stamp: 2 });
    newer.resolve('at 2');
    expect(await atNew).toBe('at 2');
    older.resolve('at 1'); // finishes last, but must not overwrite the newer entry
    expect(await atOld).toBe('at 1');
    expect(cache.get('pane_content', '%1')).toBe('at 2');
    expect(cache.stats('pane_content').deduplicated).toBe(0);
  });

  it('a caller without a stamp joins a stamped compute', async () => {
    const { cache } = paneCache();
    const capture = deferred<string>();
    const stamped = cache.getOrCompute('pane_content', '%1', () => capture.promise, { stamp: 7 });
    const any = cache.getOrCompute('pane_content', '%1', () => 'not called');
    capture.resolve('at 7');
    expect(await Promise.all([stamped, any])).toEqual(['at 7', 'at 7']);
    expect(cache.stats('pane_content').deduplicated).toBe(1);
  });

  it.each([
    ['invalidate', (cache: ReturnType<typeof paneCache>['cache']) => cache.invalidate('pane_content', '%1')],
    ['delete', (cache: ReturnType<typeof paneCache>['cache']) => cache.delete('pane_content', '%1')],
  ])('%s during a compute: its callers get the result, the layer does not keep it', async (_name, drop) => {
    const { cache } = paneCache();
    const stale = deferred<string>();
    const before = cache.getOrCompute('pane_content', '%1', () => stale.promise);
    drop(cache);
    // A caller after the invalidation does not join the outdated compute.
    const after = cache.getOrCompute('pane_content', '%1', () => Promise.resolve('fresh'));
    expect(await after).toBe('fresh');
    stale.resolve('stale'); // finishes last: must not overwrite the fresh entry
    expect(await before).toBe('stale');
    expect(cache.get('pane_content', '%1')).toBe('fresh');
  });

  it('a set during a compute wins over the computed value', async () => {
    const { cache } = paneCache();
    const slow = deferred<string>();
    const call = cache.getOrCompute('pane_content', '%1', () => slow.promise);
    cache.set('pane_content', '%1', 'written meanwhile');
    slow.resolve('computed');
    expect(await call).toBe('computed');
    expect(cache.get('pane_content', '%1')).toBe('written meanwhile');
  });
});

import { describe, expect, it } from 'vitest';
import { createManualClock } from '@tmux-orc/clock';
import { createLayeredCache } from './layered-cache.js';

describe('stats', () => {
  it('reports every layer, starting from zero', () => {
    const cache = createLayeredCache({
      layers: {
        pane_content: { strategy: 'lru', max: 2 },
        agent_status: { strategy: 'ttl', max: 2, ttl: 100 },
      },
    });
    const empty = { hits: 0, misses: 0, hit_rate: 0, size: 0, total_size: 0, evictions: 0, deduplicated: 0 };
    expect(cache.stats()).toEqual({ pane_content: empty, agent_status: empty });
  });

  it('counts hits, misses, hit rate, evictions and live size per layer', () => {
    const clock = createManualClock();
    const cache = createLayeredCache({
      layers: {
        pane_content: { strategy: 'lru', max: 2 },
        agent_status: { strategy: 'ttl', max: 10, ttl: 100 },
      },
      clock,
    });
    cache.set('pane_content', 'a', 1);
    cache.set('pane_content', 'b', 2);
    cache.set('pane_content', 'c', 3); // evicts a
    cache.get('pane_content', 'a'); // miss
    cache.get('pane_content', 'b'); // hit
    cache.get('pane_content', 'c'); // hit
    cache.get('pane_content', 'c', { stamp: 1 }); // miss: stored without stamp
    cache.set('agent_status', 'x', 'idle');
    clock.advance(101);
    expect(cache.stats()).toEqual({
      pane_content: { hits: 2, misses: 2, hit_rate: 0.5, size: 2, total_size: 0, evictions: 1, deduplicated: 0 },
      // the expired entry is not counted as live, nor as an eviction
      agent_status: { hits: 0, misses: 0, hit_rate: 0, size: 0, total_size: 0, evictions: 0, deduplicated: 0 },
    });
  });

  it('does not count has() as a read', () => {
    const cache = createLayeredCache({ layers: { l: { strategy: 'lfu', max: 2 } } });
    cache.set('l', 'a', 1);
    cache.has('l', 'a');
    cache.has('l', 'b');
    expect(cache.stats('l')).toMatchObject({ hits: 0, misses: 0 });
  });
});

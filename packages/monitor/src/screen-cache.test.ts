import { createDefaultConfig } from '@tmux-orc/config';
import { describe, expect, it } from 'vitest';
import { createScreenCache } from './screen-cache.js';

const cacheConfig = createDefaultConfig('/h').monitoring.async.cache;

describe('createScreenCache', () => {
  it('serves a screen for an unchanged stamp for at most 2 s, whatever default_ttl says', async () => {
    let now = 0;
    const cache = createScreenCache({ ...cacheConfig, default_ttl: 30 }, { now: () => now });
    let captures = 0;
    const capture = async () => `screen ${++captures}`;
    expect(await cache.getOrCompute('pane_content', '%1', capture, { stamp: 100 })).toBe('screen 1');
    now = 2_000;
    expect(await cache.getOrCompute('pane_content', '%1', capture, { stamp: 100 })).toBe('screen 1');
    now = 2_001;
    expect(await cache.getOrCompute('pane_content', '%1', capture, { stamp: 100 })).toBe('screen 2');
    expect(await cache.getOrCompute('pane_content', '%1', capture, { stamp: 101 })).toBe('screen 3');
  });

  it('keeps at most max_size screens and serves nothing stale when disabled', async () => {
    let now = 0;
    const small = createScreenCache({ ...cacheConfig, max_size: 2 }, { now: () => now });
    for (const id of ['%1', '%2', '%3']) await small.getOrCompute('pane_content', id, async () => id, { stamp: 1 });
    expect(small.stats('pane_content').size).toBe(2);
    const off = createScreenCache({ ...cacheConfig, enabled: false }, { now: () => now });
    await off.getOrCompute('pane_content', '%1', async () => 'old', { stamp: 1 });
    now = 2;
    expect(await off.getOrCompute('pane_content', '%1', async () => 'new', { stamp: 1 })).toBe('new');
  });
});

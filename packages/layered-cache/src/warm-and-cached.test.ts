import { describe, expect, it } from 'vitest';
import { createManualClock } from '@tmux-orc/clock';
import { createLayeredCache } from './layered-cache.js';

describe('warm', () => {
  it('pre-loads entries with their stamps, without counting reads', () => {
    const cache = createLayeredCache<{ agent_status: string }>({
      layers: { agent_status: { strategy: 'lru', max: 10 } },
    });
    const stored = cache.warm('agent_status', [
      { key: '%1', value: 'idle', stamp: 10 },
      { key: '%2', value: 'active' },
    ]);
    expect(stored).toBe(2);
    expect(cache.stats('agent_status')).toMatchObject({ size: 2, hits: 0, misses: 0 });
    expect(cache.get('agent_status', '%1', { stamp: 10 })).toBe('idle');
    expect(cache.get('agent_status', '%1', { stamp: 11 })).toBeUndefined();
    expect(cache.get('agent_status', '%2')).toBe('active');
  });

  it('counts only what fits, and still respects max', () => {
    const cache = createLayeredCache<{ l: string }>({ layers: { l: { strategy: 'lfu', max: 2, maxSize: 5 } } });
    const stored = cache.warm('l', [
      { key: 'a', value: 'aa' },
      { key: 'big', value: 'xxxxxx' },
      { key: 'b', value: 'bb' },
      { key: 'c', value: 'c' },
    ]);
    expect(stored).toBe(3);
    expect(cache.stats('l').size).toBe(2);
  });
});

describe('cached', () => {
  it('wraps an async function: results cached per key, concurrent calls share one run', async () => {
    const clock = createManualClock();
    const cache = createLayeredCache<{ session_info: { name: string; windows: number } }>({
      layers: { session_info: { strategy: 'ttl', max: 50, ttl: 5_000 } },
      clock,
    });
    const calls: string[] = [];
    const describeSession = cache.cached(
      'session_info',
      async (server: string, session: string) => {
        calls.push(`${server}/${session}`);
        await Promise.resolve();
        return { name: session, windows: session.length };
      },
      { key: (server, session) => `${server}:${session}` },
    );
    const [a, b] = await Promise.all([describeSession('main', 'dev'), describeSession('main', 'dev')]);
    expect(a).toEqual({ name: 'dev', windows: 3 });
    expect(b).toBe(a);
    expect(await describeSession('main', 'dev')).toBe(a);
    await describeSession('other', 'dev');
    expect(calls).toEqual(['main/dev', 'other/dev']);
    clock.advance(5_001);
    await describeSession('main', 'dev');
    expect(calls).toEqual(['main/dev', 'other/dev', 'main/dev']);
    expect(cache.stats('session_info')).toMatchObject({ hits: 1, misses: 4, deduplicated: 1 });
  });

  it('takes a stamp per call', async () => {
    const cache = createLayeredCache<{ pane_content: string }>({
      layers: { pane_content: { strategy: 'lru', max: 10 } },
    });
    let captures = 0;
    const capture = cache.cached(
      'pane_content',
      (pane: string, activity: number) => {
        captures += 1;
        return Promise.resolve(`${pane}@${activity}`);
      },
      { key: (pane) => pane, stamp: (_pane, activity) => activity },
    );
    expect(await capture('%1', 1)).toBe('%1@1');
    expect(await capture('%1', 1)).toBe('%1@1');
    expect(await capture('%1', 2)).toBe('%1@2');
    expect(captures).toBe(2);
  });
});

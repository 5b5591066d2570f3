import { describe, expect, it } from 'vitest';
import { createLayeredCache } from './layered-cache.js';

function sessions() {
  const cache = createLayeredCache({
    layers: { session_info: { strategy: 'lfu', max: 100 }, pane_content: { strategy: 'lru', max: 100 } },
  });
  for (const key of ['dev:0.0', 'dev:0.1', 'dev:1.0', 'devops:0.0', 'qa:0.0']) {
    cache.set('session_info', key, key);
    cache.set('pane_content', key, key);
  }
  const remaining = () => ['dev:0.0', 'dev:0.1', 'dev:1.0', 'devops:0.0', 'qa:0.0'].filter((k) => cache.has('session_info', k));
  return { cache, remaining };
}

describe('invalidate', () => {
  it('removes one key', () => {
    const { cache, remaining } = sessions();
    expect(cache.invalidate('session_info', 'dev:0.1')).toBe(1);
    expect(cache.invalidate('session_info', 'dev:0.1')).toBe(0);
    expect(remaining()).toEqual(['dev:0.0', 'dev:1.0', 'devops:0.0', 'qa:0.0']);
  });

  it('a string is always one key, even if other keys start with it', () => {
    const { cache, remaining } = sessions();
    expect(cache.invalidate('session_info', 'dev')).toBe(0);
    expect(remaining()).toHaveLength(5);
  });

  it('removes every key with a prefix', () => {
    const { cache, remaining } = sessions();
    expect(cache.invalidate('session_info', { prefix: 'dev:' })).toBe(3);
    expect(remaining()).toEqual(['devops:0.0', 'qa:0.0']);
  });

  it('removes every key a predicate accepts', () => {
    const { cache, remaining } = sessions();
    expect(cache.invalidate('session_info', (key) => key.endsWith('.0'))).toBe(4);
    expect(remaining()).toEqual(['dev:0.1']);
  });

  it('touches only the named layer', () => {
    const { cache } = sessions();
    cache.invalidate('session_info', () => true);
    expect(cache.stats('session_info').size).toBe(0);
    expect(cache.stats('pane_content').size).toBe(5);
  });

  it('rejects a target that is neither a key, a prefix nor a predicate', () => {
    const { cache } = sessions();
    const invalidate = cache.invalidate as (layer: string, target: unknown) => number;
    expect(() => invalidate('session_info', { startsWith: 'dev' })).toThrow(
      'Expected the target of `invalidate("session_info", …)` to be a key, `{ prefix }` or a predicate, got `object`',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { LayeredCacheError } from './layered-cache-error.js';
import { createLayeredCache } from './layered-cache.js';

/** Builds options from untyped input, as a JavaScript or YAML-configured caller would. */
function create(options: unknown) {
  return () => createLayeredCache(options as Parameters<typeof createLayeredCache>[0]);
}

describe('option validation at construction', () => {
  it.each([
    [{ pane_content: { strategy: 'lru', max: -1 } }, 'Expected `layers.pane_content.max` to be a positive integer, got `-1`'],
    [{ pane_content: { strategy: 'lru', max: 1.5 } }, 'Expected `layers.pane_content.max` to be a positive integer, got `1.5`'],
    [{ pane_content: { strategy: 'lru' } }, 'Expected `layers.pane_content.max` to be a positive integer, got `undefined`'],
    [
      { agent_status: { strategy: 'fifo', max: 10 } },
      'Expected `layers.agent_status.strategy` to be one of "ttl", "lru", "lfu", got `"fifo"`',
    ],
    [
      { session_info: { strategy: 'ttl', max: 10 } },
      'Expected `layers.session_info.ttl` to be a positive integer (milliseconds) when `strategy` is "ttl", got `undefined`',
    ],
    [
      { config: { strategy: 'lfu', max: 10, ttl: 0 } },
      'Expected `layers.config.ttl` to be a positive integer (milliseconds), got `0`',
    ],
    [
      { config: { strategy: 'lru', max: 10, maxSize: '1mb' } },
      'Expected `layers.config.maxSize` to be a positive integer, got `"1mb"`',
    ],
    [
      { config: { strategy: 'lru', max: 10, sizeOf: (v: string) => v.length } },
      'Expected `layers.config.maxSize` to be a positive integer when `sizeOf` is given, got `undefined`',
    ],
    [
      { config: { strategy: 'lru', max: 10, maxSize: 5, sizeOf: 3 } },
      'Expected `layers.config.sizeOf` to be a function, got `3`',
    ],
    [
      { config: { strategy: 'lru', max: 10, maxsize: 5 } },
      'Expected `layers.config.maxsize` to be absent (known options: strategy, max, ttl, maxSize, sizeOf), got `5`',
    ],
    [{ config: 'lru' }, 'Expected `layers.config` to be an object, got `"lru"`'],
    [{}, 'Expected `layers` to be an object with at least one layer, got `object`'],
  ])('rejects layers %j', (layers, message) => {
    const attempt = create({ layers });
    expect(attempt).toThrow(LayeredCacheError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_OPTION', name: 'LayeredCacheError' });
    }
  });

  it('rejects a missing layers object and a clock without now()', () => {
    expect(create({})).toThrow('Expected `layers` to be an object of layer options, got `undefined`');
    expect(create({ layers: { a: { strategy: 'lru', max: 1 } }, clock: () => 5 })).toThrow(
      'Expected `clock` to be an object with a `now()` method, got a function',
    );
    expect(create({ layers: { a: { strategy: 'lru', max: 1 } }, clock: 5 })).toThrow(
      'Expected `clock` to be an object with a `now()` method, got `5`',
    );
    expect(create({ layers: { a: { strategy: 'lru', max: 1 } }, clock: Date })).not.toThrow();
    expect(create({ layers: { a: { strategy: 'lru', max: 1 } }, clock: performance })).not.toThrow();
  });

  it('accepts the four monitor layers with every strategy', () => {
    const cache = createLayeredCache({
      layers: {
        pane_content: { strategy: 'lru', max: 2000, ttl: 30_000, maxSize: 5_000_000 },
        agent_status: { strategy: 'ttl', max: 2000, ttl: 5_000 },
        session_info: { strategy: 'lfu', max: 200 },
        config: { strategy: 'lfu', max: 10, ttl: 60_000, maxSize: 100, sizeOf: () => 1 },
      },
    });
    expect(cache.layers).toEqual(['pane_content', 'agent_status', 'session_info', 'config']);
  });
});

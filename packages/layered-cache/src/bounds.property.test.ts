import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '@tmux-orc/clock';
import { createLayeredCache } from './layered-cache.js';
import type { Stamp } from './stamp.js';

interface Sized {
  readonly id: number;
  readonly size: number;
}

const keys = ['a:1', 'a:2', 'a:3', 'b:1', 'b:2', 'b:3', 'c:1', 'c:2', 'c:3', 'd', 'e', 'f'] as const;
const key = fc.constantFrom(...keys);
const size = fc.integer({ min: 1, max: 9 });
const stamp = fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined });

const operation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key, size, stamp }),
  fc.record({ kind: fc.constant('get' as const), key, stamp }),
  fc.record({ kind: fc.constant('compute' as const), key, size, stamp }),
  fc.record({ kind: fc.constant('delete' as const), key }),
  fc.record({ kind: fc.constant('invalidate' as const), prefix: fc.constantFrom('a:', 'b:', 'c:') }),
  fc.record({ kind: fc.constant('warm' as const), entries: fc.array(fc.record({ key, size }), { maxLength: 6 }) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 60 }) }),
);

const layer = fc.record({
  max: fc.integer({ min: 1, max: 6 }),
  maxSize: fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined }),
  ttl: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
});

describe.each(['ttl', 'lru', 'lfu'] as const)('%s layer bounds under random operations', (strategy) => {
  it('never holds more than max entries nor maxSize, serves only the last write, nothing past its ttl', async () => {
    await fc.assert(
      fc.asyncProperty(layer, fc.array(operation, { maxLength: 80 }), async (bounds, operations) => {
        const clock = createManualClock(0);
        const ttl = strategy === 'ttl' ? (bounds.ttl ?? 50) : bounds.ttl;
        const cache = createLayeredCache<{ l: Sized }>({
          layers: {
            l: {
              strategy,
              max: bounds.max,
              ...(ttl === undefined ? {} : { ttl }),
              ...(bounds.maxSize === undefined ? {} : { maxSize: bounds.maxSize, sizeOf: (value: Sized) => value.size }),
            },
          },
          clock,
        });
        // The model knows the last value written per key, not what was evicted.
        const written = new Map<string, { value: Sized; stamp: Stamp | undefined; at: number }>();
        let nextId = 0;
        const write = (k: string, value: Sized, s: Stamp | undefined) => {
          if (bounds.maxSize !== undefined && value.size > bounds.maxSize) written.delete(k);
          else written.set(k, { value, stamp: s, at: clock.now() });
        };

        for (const op of operations) {
          switch (op.kind) {
            case 'set': {
              const value = { id: nextId++, size: op.size };
              cache.set('l', op.key, value, { stamp: op.stamp });
              write(op.key, value, op.stamp);
              break;
            }
            case 'get': {
              const value = cache.get('l', op.key, { stamp: op.stamp });
              if (value !== undefined) {
                expect(value).toBe(written.get(op.key)?.value);
                if (op.stamp !== undefined) expect(written.get(op.key)?.stamp).toBe(op.stamp);
              }
              break;
            }
            case 'compute': {
              const fresh = { id: nextId++, size: op.size };
              const value = await cache.getOrCompute('l', op.key, () => fresh, { stamp: op.stamp });
              if (value === fresh) write(op.key, fresh, op.stamp);
              else expect(value).toBe(written.get(op.key)?.value);
              break;
            }
            case 'delete':
              cache.delete('l', op.key);
              written.delete(op.key);
              break;
            case 'invalidate':
              cache.invalidate('l', { prefix: op.prefix });
              for (const k of [...written.keys()]) if (k.startsWith(op.prefix)) written.delete(k);
              break;
            case 'warm': {
              const entries = op.entries.map((entry) => ({ key: entry.key, value: { id: nextId++, size: entry.size } }));
              cache.warm('l', entries);
              for (const entry of entries) write(entry.key, entry.value, undefined);
              break;
            }
            case 'advance':
              clock.advance(op.ms);
              break;
          }

          const live = keys.filter((k) => cache.has('l', k));
          for (const k of live) {
            const last = written.get(k);
            expect(last).toBeDefined();
            // Nothing is served past its ttl.
            if (ttl !== undefined && last !== undefined) expect(clock.now() - last.at).toBeLessThanOrEqual(ttl);
          }
          const liveSize = live.reduce((sum, k) => sum + (written.get(k)?.value.size ?? 0), 0);
          const stats = cache.stats('l');
          expect(live.length).toBeLessThanOrEqual(bounds.max);
          expect(stats.size).toBe(live.length);
          if (bounds.maxSize !== undefined) {
            expect(liveSize).toBeLessThanOrEqual(bounds.maxSize);
            expect(stats.total_size).toBe(liveSize);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expectTypeOf, it } from 'vitest';
import type { LayerStats } from './layer-stats.js';
import { createLayeredCache, type LayeredCache } from './layered-cache.js';

// These assertions are checked by `tsc` (`pnpm --filter @tmux-orc/layered-cache typecheck`);
// at run time they only need to not throw.
describe('types', () => {
  it('infers layer names from the options; a wrong name is a type error', () => {
    const cache = createLayeredCache({
      layers: {
        pane_content: { strategy: 'lru', max: 10 },
        agent_status: { strategy: 'ttl', max: 10, ttl: 1_000 },
      },
    });
    expectTypeOf(cache).toExtend<LayeredCache<'pane_content' | 'agent_status'>>();
    expectTypeOf(cache.get('pane_content', '%1')).toEqualTypeOf<unknown>();
    // Never called: these lines exist for the compiler.
    const wrongLayers = () => {
      // @ts-expect-error -- not a layer of this cache
      cache.get('pane_contents', '%1');
      // @ts-expect-error -- not a layer of this cache
      cache.invalidate('config', { prefix: 'x' });
    };
    expectTypeOf(wrongLayers).toBeFunction();
    expectTypeOf(cache.stats()).toEqualTypeOf<Record<'pane_content' | 'agent_status', LayerStats>>();
    expectTypeOf(cache.stats('agent_status')).toEqualTypeOf<LayerStats>();
  });

  it('types values per layer when they are named', async () => {
    const cache = createLayeredCache<{ pane_content: string; agent_status: { state: 'idle' | 'active' } }>({
      layers: {
        pane_content: { strategy: 'lru', max: 10, maxSize: 100, sizeOf: (screen) => screen.length },
        agent_status: { strategy: 'lfu', max: 10 },
      },
    });
    expectTypeOf(cache.get('pane_content', '%1')).toEqualTypeOf<string | undefined>();
    expectTypeOf(cache.get('agent_status', '%1')).toEqualTypeOf<{ state: 'idle' | 'active' } | undefined>();
    expectTypeOf(await cache.getOrCompute('pane_content', '%1', () => 'screen')).toEqualTypeOf<string>();
    // Never called: these lines exist for the compiler.
    const wrongValues = () => {
      // @ts-expect-error -- a number is not a pane_content value
      cache.set('pane_content', '%1', 42);
      // @ts-expect-error -- the compute must produce the layer's value type
      void cache.getOrCompute('agent_status', '%1', () => Promise.resolve('idle'));
      // @ts-expect-error -- the key function receives the wrapped function's arguments
      cache.cached('pane_content', (pane: string) => Promise.resolve(pane), { key: (pane: number) => String(pane) });
    };
    expectTypeOf(wrongValues).toBeFunction();
    const capture = cache.cached('pane_content', (pane: string) => Promise.resolve(pane), { key: (pane) => pane });
    expectTypeOf(capture).toEqualTypeOf<(pane: string) => Promise<string>>();
  });

  it('accepts layer values named by an interface', () => {
    interface MonitorLayers {
      pane_content: string;
      agent_status: number;
    }
    const cache = createLayeredCache<MonitorLayers>({
      layers: { pane_content: { strategy: 'lru', max: 1 }, agent_status: { strategy: 'lfu', max: 1 } },
    });
    expectTypeOf(cache.get('agent_status', '%1')).toEqualTypeOf<number | undefined>();
  });

  it('requires options for exactly the named layers', () => {
    // Never called: these lines exist for the compiler.
    const wrongOptions = () => {
      createLayeredCache<{ pane_content: string; agent_status: string }>({
        // @ts-expect-error -- agent_status has no options
        layers: { pane_content: { strategy: 'lru', max: 10 } },
      });
      createLayeredCache({
        // @ts-expect-error -- not a strategy
        layers: { pane_content: { strategy: 'fifo', max: 10 } },
      });
    };
    expectTypeOf(wrongOptions).toBeFunction();
  });
});

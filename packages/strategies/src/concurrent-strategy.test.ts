import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { manualClock, scriptedChecker, testPane } from './__fixtures__/test-panes.js';
import { concurrentStrategyFactory, createConcurrentStrategy } from './concurrent-strategy.js';

const runner = { run: async () => [] };
const panes = Array.from({ length: 12 }, (_, i) => testPane(`%${i + 1}`));

describe('concurrent strategy', () => {
  it('checks every pane with at most `concurrency` checks in flight', async () => {
    const { checker, checked, maxInFlight } = scriptedChecker({ delay: () => sleep(5) });
    const observations = await createConcurrentStrategy({ concurrency: 4 }).observe({
      panes,
      previous: new Map(),
      services: { runner, checker, clock: manualClock() },
    });
    expect(new Set(checked)).toEqual(new Set(panes.map((p) => p.id)));
    expect(maxInFlight()).toBe(4);
    expect([...observations.keys()]).toEqual(panes.map((p) => p.id));
  });

  it('defaults to 20 in flight over exec or a plain runner, 128 over control mode', async () => {
    const many = Array.from({ length: 300 }, (_, i) => testPane(`%${i + 1}`));
    const strategy = concurrentStrategyFactory({});
    expect(strategy.description).toBe('checks every pane, 128 at a time over control mode, 20 over exec');
    for (const [transport, expected] of [[undefined, 20], ['exec', 20], ['control', 128], ['exec', 20]] as const) {
      const { checker, maxInFlight } = scriptedChecker({ delay: () => sleep(5) });
      const services = { runner: transport === undefined ? runner : { ...runner, transport }, checker, clock: manualClock() };
      await strategy.observe({ panes: many, previous: new Map(), services });
      expect(maxInFlight(), String(transport)).toBe(expected);
    }
  });

  it('reports a failed check as unknown and keeps the rest', async () => {
    const { checker } = scriptedChecker({ fail: { '%3': new Error('server gone') }, states: { '%4': 'crashed' } });
    const observations = await createConcurrentStrategy().observe({ panes, previous: new Map(), services: { runner, checker, clock: manualClock() } });
    expect(observations.get('%3')?.result).toMatchObject({ state: 'unknown', detail: { reason: 'server gone' } });
    expect(observations.get('%4')?.result.state).toBe('crashed');
    expect(observations.size).toBe(12);
  });

  it('rejects a concurrency that is not a positive integer, naming it', () => {
    expect(() => concurrentStrategyFactory({ concurrency: 0 })).toThrow(
      'Expected the `concurrency` option of strategy `concurrent` to be a positive integer, got a number (`0`)',
    );
    expect(() => createConcurrentStrategy({ concurrency: 1.5 })).toThrow('to be a positive integer, got a number (`1.5`)');
    expect(() => concurrentStrategyFactory({ concurency: 5 })).toThrow(
      'Expected only `concurrency` for strategy `concurrent`, got unknown option `concurency`',
    );
  });
});

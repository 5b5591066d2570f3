import { createManualClock } from '@tmux-orc/clock';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { scriptedChecker, testPane } from './testing/test-panes.js';
import { concurrentStrategyFactory, createConcurrentStrategy } from './concurrent-strategy.js';

const runner = { run: async () => [] };
const panes = Array.from({ length: 12 }, (_, i) => testPane(`%${i + 1}`));

describe('concurrent strategy', () => {
  it('asks the checker about every pane at once: the checker alone bounds how many are in flight', async () => {
    const { checker, checked, maxInFlight } = scriptedChecker({ delay: () => sleep(5) });
    const strategy = concurrentStrategyFactory({});
    const observations = await strategy.observe({ panes, previous: new Map(), services: { runner, checker, clock: createManualClock(0) } });
    expect(new Set(checked)).toEqual(new Set(panes.map((p) => p.id)));
    expect(maxInFlight()).toBe(panes.length);
    expect([...observations.keys()]).toEqual(panes.map((p) => p.id));
  });

  it('reports a failed check as unknown and keeps the rest', async () => {
    const { checker } = scriptedChecker({ fail: { '%3': new Error('server gone') }, states: { '%4': 'crashed' } });
    const observations = await createConcurrentStrategy().observe({ panes, previous: new Map(), services: { runner, checker, clock: createManualClock(0) } });
    expect(observations.get('%3')?.result).toMatchObject({ state: 'unknown', detail: { reason: 'server gone' } });
    expect(observations.get('%4')?.result.state).toBe('crashed');
    expect(observations.size).toBe(12);
  });

  it('sends a `concurrency` option to the one place that sets it, and rejects unknown options', () => {
    expect(() => concurrentStrategyFactory({ concurrency: 4 })).toThrow(
      'Expected no `concurrency` in the options of strategy `concurrent`: checks in flight are set by `monitoring.async.concurrency`',
    );
    expect(() => concurrentStrategyFactory({ concurency: 5 })).toThrow('Expected no options for strategy `concurrent`, got unknown option `concurency`');
  });
});

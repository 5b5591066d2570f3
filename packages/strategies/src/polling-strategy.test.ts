import { createManualClock } from '@tmux-orc/clock';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { scriptedChecker, testPane } from './testing/test-panes.js';
import { createPollingStrategy, pollingStrategyFactory } from './polling-strategy.js';

const runner = { run: async () => [] };

describe('polling strategy', () => {
  it('checks every pane, one at a time, in discovery order', async () => {
    const clock = createManualClock(500);
    const { checker, checked, maxInFlight } = scriptedChecker({ states: { '%2': 'waiting_input' }, delay: () => sleep(5) });
    const panes = [testPane('%1'), testPane('%2'), testPane('%3', { windowActivity: 7 })];
    const observations = await createPollingStrategy().observe({ panes, previous: new Map(), services: { runner, checker, clock } });

    expect(checked).toEqual(['%1', '%2', '%3']);
    expect(maxInFlight()).toBe(1);
    expect(observations.get('%2')?.result.state).toBe('waiting_input');
    expect(observations.get('%3')).toMatchObject({ paneId: '%3', observedAt: 500, capturedAt: 500, windowActivity: 7 });
  });

  it('reports a pane whose check failed as unknown, saying why, and goes on', async () => {
    const { checker } = scriptedChecker({ fail: { '%1': new Error('Expected to capture pane %1, got a timeout') } });
    const observations = await createPollingStrategy().observe({
      panes: [testPane('%1'), testPane('%2')],
      previous: new Map(),
      services: { runner, checker, clock: createManualClock(0) },
    });
    expect(observations.get('%1')?.result).toMatchObject({ state: 'unknown', detail: { reason: 'Expected to capture pane %1, got a timeout' } });
    expect(observations.get('%2')?.result.state).toBe('active');
  });

  it('takes no options', () => {
    expect(pollingStrategyFactory({}).name).toBe('polling');
    expect(() => pollingStrategyFactory({ concurrency: 4 })).toThrow('Expected no options for strategy `polling`, got unknown option `concurrency`');
  });
});

import { createManualClock } from '@tmux-orc/clock';
import { setTimeout as sleep } from 'node:timers/promises';
import { HealthChecker } from '@tmux-orc/health-checker';
import { describe, expect, it } from 'vitest';
import { claudeScreen } from './__fixtures__/claude-screens.js';
import { scriptedChecker, testPane } from './testing/test-panes.js';
import { createConcurrentStrategy } from './concurrent-strategy.js';
import type { MonitoringStrategy, Observation, StrategyCycleInput } from './monitoring-strategy.js';
import { createPollingStrategy } from './polling-strategy.js';
import { StrategyLoadError } from './strategy-load-error.js';
import { createStrategyHost } from './strategy-host.js';

/** A runner that answers `capture-pane -t ID` with the screen set for the pane. */
function screensRunner(screens: Map<string, string>) {
  return {
    async run(args: readonly string[]): Promise<string[]> {
      const screen = screens.get(args[args.indexOf('-t') + 1] ?? '');
      if (screen === undefined) throw new Error(`no screen for ${args.join(' ')}`);
      return screen.split('\n');
    },
  };
}

/** Wraps a strategy to record what each cycle received and whether it was disposed. */
function recording(strategy: MonitoringStrategy) {
  const inputs: StrategyCycleInput[] = [];
  let disposed = 0;
  const wrapped: MonitoringStrategy = {
    ...strategy,
    observe: (input) => {
      inputs.push(input);
      return strategy.observe(input);
    },
    dispose: async () => void (disposed += 1),
  };
  return { strategy: wrapped, inputs, disposed: () => disposed };
}

describe('strategy host', () => {
  it('keeps states, their `since` and the previous observations across a switch, and disposes the old strategy', async () => {
    const clock = createManualClock(0);
    const screens = new Map([['%1', claudeScreen('idle-replied-120x40')], ['%2', claudeScreen('waiting_input-bash-approval-120x40')]]);
    const runner = screensRunner(screens);
    const checker = new HealthChecker({ runner, clock, debounceMs: 5_000 });
    const panes = [testPane('%1', { agentOption: 'claude-code' }), testPane('%2', { agentOption: 'claude-code' })];
    const polling = recording(createPollingStrategy());
    const host = createStrategyHost(polling.strategy, { services: { runner, checker, clock, debounceMs: 5_000 } });

    expect((await host.observe(panes)).get('%1')?.result.state).toBe('active'); // first sight is no proof of idleness
    clock.advance(5_000);
    const beforeSwitch = await host.observe(panes);
    expect(beforeSwitch.get('%1')?.result).toMatchObject({ state: 'idle', since: 0 });
    expect(beforeSwitch.get('%2')?.result).toMatchObject({ state: 'waiting_input', since: 0 });

    const concurrent = recording(createConcurrentStrategy());
    await host.switchStrategy(concurrent.strategy);
    expect(polling.disposed()).toBe(1);
    expect(host.strategy.name).toBe('concurrent');

    clock.advance(3_000);
    const afterSwitch = await host.observe(panes);
    expect(concurrent.inputs[0]?.previous).toBe(beforeSwitch);
    expect(afterSwitch.get('%1')?.result).toMatchObject({ state: 'idle', since: 0 });
    expect(afterSwitch.get('%2')?.result).toMatchObject({ state: 'waiting_input', since: 0 });
    expect(afterSwitch.get('%1')?.observedAt).toBe(8_000);
  });

  it('switches only after the running cycle ends', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { checker } = scriptedChecker({ delay: () => gate });
    const first = recording(createPollingStrategy());
    const host = createStrategyHost(first.strategy, { services: { runner: { run: async () => [] }, checker, clock: createManualClock(0) } });

    const cycle = host.observe([testPane('%1')]);
    const switched = host.switchStrategy('concurrent', {});
    await sleep(30); // long enough for an unserialized switch to load, swap and dispose
    expect(first.disposed()).toBe(0);
    expect(host.strategy.name).toBe('polling');
    release();
    await cycle;
    expect((await switched).description).toBe('checks every pane at once, as many in flight as the checker allows');
    expect(first.disposed()).toBe(1);
  });

  it('keeps the old strategy when the new one fails to load', async () => {
    const { checker } = scriptedChecker({});
    const host = createStrategyHost(createPollingStrategy(), { services: { runner: { run: async () => [] }, checker, clock: createManualClock(0) }, loadOptions: { cwd: '/' } });
    await expect(host.switchStrategy('no-such-strategy')).rejects.toBeInstanceOf(StrategyLoadError);
    expect(host.strategy.name).toBe('polling');
    expect((await host.observe([testPane('%1')])).size).toBe(1);
  });

  it('disposes the strategy once and refuses cycles afterwards', async () => {
    const { checker } = scriptedChecker({});
    const strategy = recording(createPollingStrategy());
    const host = createStrategyHost(strategy.strategy, { services: { runner: { run: async () => [] }, checker, clock: createManualClock(0) } });
    await host.dispose();
    await host.dispose();
    expect(strategy.disposed()).toBe(1);
    await expect(host.observe([])).rejects.toMatchObject({ code: 'HOST_DISPOSED' });
  });

  it('leaves the previous observations as they were when a cycle fails', async () => {
    const { checker } = scriptedChecker({});
    let fail = false;
    const flaky: MonitoringStrategy = {
      ...createPollingStrategy(),
      observe: async (input) => {
        if (fail) throw new Error('cycle failed');
        return createPollingStrategy().observe(input);
      },
    };
    const host = createStrategyHost(flaky, { services: { runner: { run: async () => [] }, checker, clock: createManualClock(0) } });
    const first: Map<string, Observation> = await host.observe([testPane('%1')]);
    fail = true;
    await expect(host.observe([testPane('%1')])).rejects.toThrow('cycle failed');
    expect(host.observations).toBe(first);
  });
});

import { createManualClock } from '@tmux-orc/clock';
import type { AgentState, Observation } from '@tmux-orc/strategies';
import { describe, expect, it } from 'vitest';
import { createChangeTrigger, wantsCycleNow } from './change-trigger.js';

/** Last observations with the given states, by pane id (only the state matters here). */
function observed(states: Record<string, AgentState>): Map<string, Observation> {
  return new Map(
    Object.entries(states).map(([paneId, state]) => [
      paneId,
      { paneId, result: { state, detector: 'test', detail: {}, evidence: [], since: 0 }, observedAt: 0, capturedAt: 0, windowActivity: 0 },
    ]),
  );
}

describe('wantsCycleNow', () => {
  const last = observed({ '%1': 'active', '%2': 'idle', '%3': 'waiting_input', '%4': 'active' });

  it('waits for the tick when only active agents printed', () => {
    expect(wantsCycleNow({ paneIds: ['%1', '%4'], structural: false }, last)).toBe(false);
  });

  it('looks now when a pane that was not active printed, or the set of panes changed', () => {
    expect(wantsCycleNow({ paneIds: ['%1', '%2'], structural: false }, last)).toBe(true);
    expect(wantsCycleNow({ paneIds: ['%3'], structural: false }, last)).toBe(true);
    expect(wantsCycleNow({ paneIds: [], structural: true }, last)).toBe(true);
  });

  it('never looks now for a pane it does not watch', () => {
    expect(wantsCycleNow({ paneIds: ['%99'], structural: false }, last)).toBe(false);
  });
});

describe('createChangeTrigger', () => {
  function setUp(running = true) {
    const clock = createManualClock();
    const cycles = { count: 0 };
    const trigger = createChangeTrigger({ timers: clock, debounceMs: 5_000, runCycle: () => (cycles.count += 1), running: () => running });
    return { clock, cycles, trigger };
  }

  it('runs a cycle for a change worth one, none for an active agent printing', () => {
    const { cycles, trigger } = setUp();
    const last = observed({ '%1': 'active', '%2': 'idle' });
    trigger.changed({ paneIds: ['%1'], structural: false }, last);
    expect(cycles.count).toBe(0);
    trigger.changed({ paneIds: ['%2'], structural: false }, last);
    expect(cycles.count).toBe(1);
  });

  it('runs one cycle once the debounce has passed after a cycle that saw an active agent, re-armed by each cycle', () => {
    const { clock, cycles, trigger } = setUp();
    trigger.settleAfter(true);
    clock.advance(4_000);
    trigger.settleAfter(true);
    clock.advance(4_999);
    expect(cycles.count).toBe(0);
    clock.advance(1);
    expect(cycles.count).toBe(1);
    trigger.settleAfter(false);
    clock.advance(60_000);
    expect(cycles.count).toBe(1);
  });

  it('does nothing while the monitor is not running, and stop clears the timer', () => {
    const stopped = setUp(false);
    stopped.trigger.changed({ paneIds: [], structural: true }, new Map());
    stopped.trigger.settleAfter(true);
    expect(stopped.clock.pendingTimers()).toBe(0);
    const { clock, cycles, trigger } = setUp();
    trigger.settleAfter(true);
    trigger.stop();
    clock.advance(10_000);
    expect(cycles.count).toBe(0);
  });
});

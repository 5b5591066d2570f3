import { describe, expect, it } from 'vitest';
import { observed, testPane } from './__fixtures__/test-panes.js';
import { resolveAdaptiveOptions, type AdaptiveStrategyOptions } from './adaptive-options.js';
import { planCaptures } from './plan-captures.js';
import type { MonitoredPane, Observation } from '@tmux-orc/strategies';

function plan(panes: MonitoredPane[], previous: Observation[], now: number, options: AdaptiveStrategyOptions = {}) {
  const result = planCaptures({
    panes,
    previous: new Map(previous.map((o) => [o.paneId, o])),
    now,
    debounceMs: 5_000,
    options: resolveAdaptiveOptions({ stalenessMs: 20_000, ...options }),
  });
  return {
    capture: result.capture.map((c) => `${c.pane.id}:${c.reason}`),
    keep: result.keep.map((p) => p.id),
    deferred: result.deferred.map((c) => `${c.pane.id}:${c.reason}`),
  };
}

describe('planCaptures', () => {
  it('looks at new panes, and keeps a quiet idle pane seen recently', () => {
    const quiet = testPane('%1');
    expect(plan([quiet, testPane('%2')], [observed(quiet, 'idle', 9_000)], 10_000)).toEqual({ capture: ['%2:activity'], keep: ['%1'], deferred: [] });
  });

  it('looks at a pane whose window_activity moved since its last look', () => {
    const pane = testPane('%1', { windowActivity: 1_001 });
    expect(plan([pane], [observed(pane, 'idle', 9_000, 1_000)], 10_000).capture).toEqual(['%1:activity']);
  });

  it('always looks at the PM and at panes in problem states, moved or not', () => {
    const pm = testPane('%1', { role: 'pm' });
    const states = ['waiting_input', 'error', 'rate_limited', 'crashed', 'unknown', 'queued_message', 'compacting'] as const;
    const troubled = states.map((_, i) => testPane(`%${i + 2}`));
    const previous = [observed(pm, 'idle', 9_999), ...troubled.map((p, i) => observed(p, states[i] ?? 'unknown', 9_999))];
    const result = plan([pm, ...troubled], previous, 10_000);
    expect(result.capture).toEqual(['%1:role', ...troubled.map((p) => `${p.id}:state`)]);
    expect(result.keep).toEqual([]);
  });

  it('takes the always-captured states and roles from the options', () => {
    const pm = testPane('%1', { role: 'pm' });
    const failing = testPane('%2');
    const idle = testPane('%3');
    const previous = [observed(pm, 'fresh', 9_999), observed(failing, 'error', 9_999), observed(idle, 'idle', 9_999)];
    expect(plan([pm, failing, idle], previous, 10_000, { alwaysCaptureStates: ['idle'], alwaysCaptureRoles: [] })).toEqual({
      capture: ['%3:state'],
      keep: ['%1', '%2'],
      deferred: [],
    });
  });

  it('looks again at an active pane whose activity stopped once the debounce window has passed, not before', () => {
    const pane = testPane('%1');
    expect(plan([pane], [observed(pane, 'active', 10_000)], 14_999).keep).toEqual(['%1']);
    expect(plan([pane], [observed(pane, 'active', 10_000)], 15_000).capture).toEqual(['%1:settling']);
    // An idle pane does not need it: only staleness brings it back.
    expect(plan([pane], [observed(pane, 'idle', 10_000)], 15_000).keep).toEqual(['%1']);
  });

  it('looks at any pane not looked at for the staleness bound, not before half of it', () => {
    const pane = testPane('%1');
    expect(plan([pane], [observed(pane, 'idle', 10_000)], 20_000).keep).toEqual(['%1']);
    expect(plan([pane], [observed(pane, 'fresh', 10_000)], 30_000).capture).toEqual(['%1:stale']);
  });

  it('spreads the staleness looks of panes looked at together over later cycles', () => {
    const panes = Array.from({ length: 200 }, (_, i) => testPane(`%${i}`));
    const previous = panes.map((p) => observed(p, 'idle', 0));
    const perSecond: number[] = [];
    for (let now = 1_000; now <= 20_000; now += 1_000) {
      const due = plan(panes, previous, now).capture.length;
      perSecond.push(due - perSecond.reduce((a, b) => a + b, 0));
    }
    // All 200 due by the 20 s bound, none before 10 s, and no second takes more than a fifth.
    expect(perSecond.reduce((a, b) => a + b, 0)).toBe(200);
    expect(perSecond.slice(0, 9).every((n) => n === 0)).toBe(true);
    expect(Math.max(...perSecond)).toBeLessThanOrEqual(40);
  });

  it('fills a budget by priority (PM, problem, activity, settling, stale), oldest look first, and defers the rest', () => {
    const stale = testPane('%1');
    const settling = testPane('%2');
    const movedRecently = testPane('%3', { windowActivity: 2 });
    const movedLongAgo = testPane('%4', { windowActivity: 2 });
    const waiting = testPane('%5');
    const pm = testPane('%6', { role: 'pm' });
    const fresh = testPane('%7');
    const previous = [
      observed(stale, 'idle', 0),
      observed(settling, 'active', 40_000),
      observed(movedRecently, 'idle', 49_000, 1),
      observed(movedLongAgo, 'idle', 45_000, 1),
      observed(waiting, 'waiting_input', 49_000),
      observed(pm, 'active', 49_000),
    ];
    const panes = [stale, settling, movedRecently, movedLongAgo, waiting, pm, fresh];
    expect(plan(panes, previous, 50_000, { maxCapturesPerCycle: 4 })).toEqual({
      capture: ['%6:role', '%5:state', '%7:activity', '%4:activity'],
      keep: [],
      deferred: ['%3:activity', '%2:settling', '%1:stale'],
    });
    expect(plan(panes, previous, 50_000).capture).toHaveLength(7);
  });
});

describe('resolveAdaptiveOptions', () => {
  it('rejects invalid options, naming the option, the expected and the actual value', () => {
    expect(() => resolveAdaptiveOptions({ stalenessMs: 0 })).toThrow('Expected the `stalenessMs` option of strategy `adaptive` to be a finite number > 0, got `0`');
    expect(() => resolveAdaptiveOptions({ maxCapturesPerCycle: 2.5 })).toThrow(
      'Expected the `maxCapturesPerCycle` option of strategy `adaptive` to be a positive integer or null, got `2.5`',
    );
    expect(() => resolveAdaptiveOptions({ alwaysCaptureStates: ['idel' as 'idle'] })).toThrow(
      'Expected the `alwaysCaptureStates` option of strategy `adaptive` to be a list of active, idle, waiting_input, queued_message, fresh, error, rate_limited, compacting, crashed, unknown, got `"idel"`',
    );
  });
});

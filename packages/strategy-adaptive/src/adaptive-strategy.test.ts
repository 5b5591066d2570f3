import { AsyncHealthChecker } from '@tmux-orc/health-checker';
import type { MonitoredPane, Observation, StrategyServices } from '@tmux-orc/strategies';
import { describe, expect, it } from 'vitest';
import { claudeScreen } from './__fixtures__/claude-screens.js';
import { manualClock, testPane } from './__fixtures__/test-panes.js';
import { createAdaptiveStrategy, type AdaptiveStrategy } from './adaptive-strategy.js';
import { createStrategy } from './create-strategy.js';

/** A tmux stand-in: answers `capture-pane -t ID` with the pane's screen and counts the captures. */
function fakeTmux(screens: Record<string, string>) {
  const captured: string[] = [];
  return {
    captured,
    screens,
    runner: {
      async run(args: readonly string[]): Promise<string[]> {
        const id = args[args.indexOf('-t') + 1] ?? '';
        captured.push(id);
        return claudeScreen(screens[id] ?? 'idle-replied-120x40').split('\n');
      },
    },
  };
}

/** Runs cycles the way the monitor does: each cycle's observations are the next one's `previous`. */
function cycles(strategy: AdaptiveStrategy, services: StrategyServices) {
  let previous: ReadonlyMap<string, Observation> = new Map();
  return async (panes: readonly MonitoredPane[]) => {
    previous = await strategy.observe({ panes, previous, services });
    return previous as Map<string, Observation>;
  };
}

function setUp(screens: Record<string, string>, contentTtlMs = 1_000) {
  const clock = manualClock();
  const tmux = fakeTmux(screens);
  const checker = new AsyncHealthChecker({ runner: tmux.runner, clock, debounceMs: 5_000, contentTtlMs });
  return { clock, tmux, checker, services: { runner: tmux.runner, checker, clock, debounceMs: 5_000 } satisfies StrategyServices };
}

describe('adaptive strategy', () => {
  it('captures only panes whose window_activity moved, keeping the others with observedAt updated', async () => {
    const { clock, tmux, services } = setUp({ '%1': 'fresh-started-120x40', '%2': 'fresh-started-120x40', '%3': 'fresh-started-120x40' });
    const strategy = createAdaptiveStrategy({ stalenessMs: 60_000 });
    const cycle = cycles(strategy, services);
    let panes = [testPane('%1'), testPane('%2'), testPane('%3')];
    const first = await cycle(panes);
    expect(tmux.captured).toEqual(['%1', '%2', '%3']);

    clock.advance(2_000);
    tmux.captured.length = 0;
    tmux.screens['%2'] = 'waiting_input-bash-approval-120x40';
    panes = [testPane('%1'), testPane('%2', { windowActivity: 1_002 }), testPane('%3')];
    const second = await cycle(panes);
    expect(tmux.captured).toEqual(['%2']);
    expect(strategy.lastPlan?.capture.map((c) => c.reason)).toEqual(['activity']);
    expect(second.get('%2')).toMatchObject({ result: { state: 'waiting_input' }, capturedAt: 2_000, windowActivity: 1_002 });
    expect(second.get('%1')).toEqual({ ...first.get('%1'), observedAt: 2_000 });
    expect(second.get('%1')?.result).toBe(first.get('%1')?.result);
  });

  it('looks at a problem-state pane and the PM every cycle, moved or not', async () => {
    const { clock, tmux, services } = setUp({ '%1': 'waiting_input-bash-approval-120x40', '%2': 'idle-replied-120x40', '%3': 'fresh-started-120x40' });
    const cycle = cycles(createAdaptiveStrategy({ stalenessMs: 60_000 }), services);
    const panes = [testPane('%1'), testPane('%2', { role: 'pm' }), testPane('%3')];
    await cycle(panes);
    for (let i = 0; i < 3; i += 1) {
      clock.advance(2_000); // past the checker's 1 s content TTL, so a look is a capture
      tmux.captured.length = 0;
      await cycle(panes);
      expect(tmux.captured.sort()).toEqual(['%1', '%2']);
    }
  });

  it('turns an active pane whose activity stopped idle once the debounce window has passed (one capture, cache expired)', async () => {
    const { clock, tmux, services } = setUp({ '%1': 'idle-replied-120x40' }, 1_000);
    const cycle = cycles(createAdaptiveStrategy({ stalenessMs: 60_000 }), services);
    const pane = testPane('%1');
    expect((await cycle([pane])).get('%1')?.result.state).toBe('active'); // first sight is no proof of idleness
    clock.advance(4_000);
    expect((await cycle([pane])).get('%1')?.result.state).toBe('active');
    expect(tmux.captured).toEqual(['%1']); // nothing moved, the debounce has not passed: no look
    clock.advance(1_000);
    const settled = await cycle([pane]);
    expect(settled.get('%1')?.result).toMatchObject({ state: 'idle', since: 0 });
    expect(tmux.captured).toEqual(['%1', '%1']);
    clock.advance(10_000);
    await cycle([pane]);
    expect(tmux.captured).toHaveLength(2); // idle now: left alone until the staleness bound
  });

  it('settles an active pane with no tmux command at all while the checker still caches its screen for that stamp', async () => {
    const { clock, tmux, checker, services } = setUp({ '%1': 'idle-replied-120x40' }, 30_000);
    const cycle = cycles(createAdaptiveStrategy({ stalenessMs: 60_000 }), services);
    const pane = testPane('%1');
    await cycle([pane]);
    clock.advance(5_000);
    expect((await cycle([pane])).get('%1')?.result).toMatchObject({ state: 'idle', since: 0 });
    expect(tmux.captured).toEqual(['%1']);
    expect(checker.cacheStats()).toMatchObject({ hits: 1 });
  });

  it('catches a state change in the cycle where window_activity moved', async () => {
    const { clock, tmux, services } = setUp({ '%1': 'idle-replied-120x40' });
    const cycle = cycles(createAdaptiveStrategy(), services);
    await cycle([testPane('%1')]);
    clock.advance(6_000);
    await cycle([testPane('%1')]);
    tmux.screens['%1'] = 'rate_limited-http429-gave-up-120x40';
    clock.advance(1_000);
    expect((await cycle([testPane('%1', { windowActivity: 1_007 })])).get('%1')?.result.state).toBe('rate_limited');
  });

  it('within a budget, looks at the most urgent panes first and reaches the rest in later cycles', async () => {
    const { clock, tmux, services } = setUp({});
    const strategy = createAdaptiveStrategy({ stalenessMs: 60_000, maxCapturesPerCycle: 2 });
    const cycle = cycles(strategy, services);
    const panes = [testPane('%1'), testPane('%2'), testPane('%3', { role: 'pm' })];
    const first = await cycle(panes);
    expect(tmux.captured.sort()).toEqual(['%1', '%3']);
    expect(first.get('%2')?.result).toMatchObject({ state: 'unknown', detail: { reason: 'pane %2 (team:2.0) not looked at yet: over the budget of 2 captures per cycle' } });
    clock.advance(2_000);
    tmux.captured.length = 0;
    const second = await cycle(panes);
    expect(strategy.lastPlan?.capture.map((c) => `${c.pane.id}:${c.reason}`)).toEqual(['%3:role', '%2:state']);
    expect(tmux.captured.sort()).toEqual(['%2', '%3']);
    expect(second.get('%2')?.result.state).toBe('active');
  });

  it('looks again at a pane not looked at for the staleness bound (at its own point past half of it)', async () => {
    const { clock, tmux, services } = setUp({ '%1': 'fresh-started-120x40' });
    const cycle = cycles(createAdaptiveStrategy({ stalenessMs: 20_000 }), services);
    await cycle([testPane('%1')]);
    clock.advance(10_000); // half the bound: never due before
    await cycle([testPane('%1')]);
    expect(tmux.captured).toHaveLength(1);
    clock.advance(10_000);
    await cycle([testPane('%1')]);
    expect(tmux.captured).toHaveLength(2);
  });
});

describe('a look within the second of the stamp, or a failed one', () => {
  it('is looked at again next cycle: tmux stamps whole seconds, so the pane may print again unseen', async () => {
    const { clock, tmux, services } = setUp({ '%1': 'fresh-started-120x40' });
    const wall = manualClock(1_002_400); // within second 1002, the pane's stamp
    const cycle = cycles(createAdaptiveStrategy({ stalenessMs: 60_000, alwaysCaptureStates: [], wallClock: wall }), services);
    const pane = testPane('%1', { windowActivity: 1_002 });
    expect((await cycle([pane])).get('%1')).toMatchObject({ windowActivity: -1 });
    clock.advance(2_000);
    wall.advance(2_000);
    tmux.screens['%1'] = 'waiting_input-bash-approval-120x40'; // drawn later in second 1002
    const second = await cycle([pane]);
    expect(second.get('%1')).toMatchObject({ result: { state: 'waiting_input' }, windowActivity: 1_002 });
    clock.advance(2_000);
    wall.advance(2_000);
    await cycle([pane]);
    expect(tmux.captured).toEqual(['%1', '%1']);
  });

  it('is looked at again after a failed check, even when unknown is not always captured', async () => {
    const clock = manualClock();
    let fail = true;
    const runner = {
      async run(): Promise<string[]> {
        if (fail) throw new Error('no answer from tmux');
        return claudeScreen('idle-replied-120x40').split('\n');
      },
    };
    const checker = new AsyncHealthChecker({ runner, clock, debounceMs: 5_000 });
    const services = { runner, checker, clock, debounceMs: 5_000 } satisfies StrategyServices;
    const cycle = cycles(createAdaptiveStrategy({ stalenessMs: 60_000, alwaysCaptureStates: [] }), services);
    const first = await cycle([testPane('%1')]);
    expect(first.get('%1')).toMatchObject({ result: { state: 'unknown', rule: 'none/check-failed' }, windowActivity: -1 });
    fail = false;
    clock.advance(2_000);
    expect((await cycle([testPane('%1')])).get('%1')?.result.state).not.toBe('unknown');
  });
});

describe('createStrategy (the plugin factory)', () => {
  it('reads the options as config writes them: staleness in seconds, snake_case keys', () => {
    expect(createStrategy({}).description).toBe('captures panes whose activity moved, PMs, problem states, and any unseen for 10 s');
    expect(createStrategy({ staleness: 30, max_captures_per_cycle: 50, always_capture_states: ['error'], always_capture_roles: [] }).description).toBe(
      'captures panes whose activity moved, PMs, problem states, and any unseen for 30 s, at most 50 a cycle',
    );
  });

  it('rejects a wrong or unknown option, naming it', () => {
    expect(() => createStrategy({ staleness: 0 })).toThrow('Expected the `staleness` option of strategy `adaptive` to be a finite number > 0, got a number (`0`)');
    expect(() => createStrategy({ always_capture_states: ['stuck'] })).toThrow(
      'Expected every item of the `always_capture_states` option of strategy `adaptive` to be one of `active`, `idle`, `waiting_input`, `queued_message`, `fresh`, `error`, `rate_limited`, `compacting`, `crashed`, `unknown`, got a string (`"stuck"`)',
    );
    expect(() => createStrategy({ stalenessMs: 5_000 })).toThrow(
      'Expected only `staleness`, `max_captures_per_cycle`, `always_capture_states`, `always_capture_roles` for strategy `adaptive`, got unknown option `stalenessMs`',
    );
  });
});

describe('adaptive strategy on a quiet fleet', () => {
  it('gives its observations back untouched, with no look, while the same panes come and nothing is due', async () => {
    const { clock, tmux, services } = setUp({ '%1': 'idle-replied-120x40', '%2': 'idle-replied-120x40' });
    const strategy = createAdaptiveStrategy({ stalenessMs: 60_000 });
    const cycle = cycles(strategy, services);
    const panes = [testPane('%1'), testPane('%2')];
    const first = await cycle(panes);
    clock.advance(2_000);
    tmux.captured.length = 0;
    expect(await cycle(panes)).toBe(first);
    expect(strategy.lastPlan).toMatchObject({ capture: [], deferred: [] });
    expect(tmux.captured).toEqual([]);
    // Equal panes in another array: planned pane by pane (nothing due either), a new map.
    const again = await cycle([testPane('%1'), testPane('%2')]);
    expect(again).not.toBe(first);
    expect(again.get('%1')).toMatchObject({ observedAt: 2_000, capturedAt: 0 });
    expect(tmux.captured).toEqual([]);
  });

  it('is quiet no longer once an active pane is due for its debounce re-check, nor with a PM', async () => {
    const { clock, tmux, services } = setUp({ '%1': 'idle-replied-120x40' }, 1);
    const strategy = createAdaptiveStrategy({ stalenessMs: 60_000 });
    const cycle = cycles(strategy, services);
    const panes = [testPane('%1')];
    const first = await cycle(panes);
    expect(first.get('%1')?.result.state).toBe('active'); // first sight is no proof of idleness
    clock.advance(2_000);
    expect(await cycle(panes)).toBe(first);
    clock.advance(3_000);
    tmux.captured.length = 0;
    const settled = await cycle(panes);
    expect(tmux.captured).toEqual(['%1']);
    expect(settled.get('%1')?.result.state).toBe('idle');

    const withPm = [testPane('%1'), testPane('%9', { role: 'pm' })];
    await cycle(withPm);
    tmux.captured.length = 0;
    clock.advance(1_000);
    expect(await cycle(withPm)).not.toBe(settled);
    expect(tmux.captured).toEqual(['%9']);
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import { AsyncHealthChecker } from '@tmux-orc/health-checker';
import { createConcurrentStrategy, createStrategyHost, loadStrategy, type MonitoredPane } from '@tmux-orc/strategies';
import { useTmuxSandbox, type TmuxSandbox } from '@tmux-orc/testkit';
import { createTmuxConnectionPool } from '@tmux-orc/tmux-pool';
import { describe, expect, it, onTestFinished } from 'vitest';
import { captureCounter, discoverPanes, spawnClaudeFleet } from './__fixtures__/sandbox-fleet.js';
import { manualClock } from './__fixtures__/test-panes.js';
import type { AdaptiveStrategy } from './adaptive-strategy.js';

const importModule = (specifier: string): Promise<unknown> => import(/* @vite-ignore */ specifier);

// A PM, one agent waiting for approval, and ten quiet agents.
const screens = ['idle-replied-120x40', 'waiting_input-bash-approval-120x40', ...Array.from({ length: 10 }, () => 'idle-replied-120x40')];
const windowName = (i: number) => (i === 0 ? 'pm' : `Claude-${i}`);

/** Waits until the wall-clock second is past `stamp`, so the pane's next output moves its window_activity. */
async function pastSecond(stamp: number): Promise<void> {
  while (Math.floor(Date.now() / 1000) <= stamp) await sleep(50);
}

async function setUp(sandbox: TmuxSandbox) {
  await spawnClaudeFleet(sandbox, screens, windowName);
  const pool = createTmuxConnectionPool({ server: sandbox.server, transport: 'control' });
  onTestFinished(() => pool.close());
  return pool;
}

describe('adaptive strategy on a real tmux server', () => {
  it('captures fewer panes than concurrent and still sees a state change in the cycle window_activity moved', async () => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const pool = await setUp(sandbox);
    const clock = manualClock();
    const debounceMs = 30_000;
    const adaptiveTmux = captureCounter(pool);
    const concurrentTmux = captureCounter(pool);
    const adaptive = createStrategyHost(await loadStrategy('adaptive', { staleness: 60 }, { importModule }), {
      services: { runner: adaptiveTmux.runner, checker: new AsyncHealthChecker({ runner: adaptiveTmux.runner, clock, debounceMs }), clock, debounceMs },
    });
    const concurrent = createStrategyHost(createConcurrentStrategy(), {
      services: { runner: concurrentTmux.runner, checker: new AsyncHealthChecker({ runner: concurrentTmux.runner, clock, debounceMs }), clock, debounceMs },
    });
    const cycle = async (panes: MonitoredPane[]) => {
      const byAdaptive = await adaptive.observe(panes);
      const byConcurrent = await concurrent.observe(panes);
      return { byAdaptive, byConcurrent, captures: { adaptive: adaptiveTmux.take(), concurrent: concurrentTmux.take() } };
    };

    const panes = await discoverPanes(pool);
    expect(panes).toHaveLength(12);
    // A look within the second of a pane's stamp is looked at again (tmux stamps whole seconds): the
    // fleet has just drawn its screens, so the first cycle waits until that second is over.
    await pastSecond(Math.max(...panes.map((pane) => pane.windowActivity)));
    const first = await cycle(panes);
    expect(first.captures).toEqual({ adaptive: 12, concurrent: 12 });

    // Nothing printed: adaptive looks at the PM and the agent waiting for approval only.
    clock.advance(3_000); // past the checker's 2 s content TTL: every look is a real capture
    const quiet = await cycle(await discoverPanes(pool));
    expect(quiet.captures).toEqual({ adaptive: 2, concurrent: 12 });
    expect([...quiet.byAdaptive.values()].map((o) => o.result.state)).toEqual([...quiet.byConcurrent.values()].map((o) => o.result.state));

    // An agent hits an error: its window_activity moves, and the very next cycle sees it.
    const failing = panes[5];
    if (failing === undefined) throw new Error('Expected a sixth pane');
    await pastSecond(failing.windowActivity);
    await sandbox.sendLine(failing.id, 'screen error-http500-gave-up-120x40');
    await sandbox.waitForScreen(failing.id, /API Error/u);
    clock.advance(3_000);
    const moved = await discoverPanes(pool);
    expect(moved.find((p) => p.id === failing.id)?.windowActivity).toBeGreaterThan(failing.windowActivity);
    const changed = await cycle(moved);
    expect(changed.captures).toEqual({ adaptive: 3, concurrent: 12 });
    expect(changed.byAdaptive.get(failing.id)?.result.state).toBe('error');
    expect((adaptive.strategy as AdaptiveStrategy).lastPlan?.capture.map((c) => `${c.pane.id}:${c.reason}`)).toEqual([
      `${panes[0]?.id}:role`,
      `${panes[1]?.id}:state`,
      `${failing.id}:activity`,
    ]);

    // Past the debounce window the quiet agents, `active` at first sight, are looked at once more and turn idle.
    clock.advance(debounceMs);
    const settled = await cycle(await discoverPanes(pool));
    const states = (o: Map<string, { result: { state: string; since: number } }>) => [...o.values()].map((x) => `${x.result.state}@${x.result.since}`);
    expect(states(settled.byAdaptive)).toEqual(states(settled.byConcurrent));
    expect(settled.byAdaptive.get(panes[2]?.id ?? '')?.result).toMatchObject({ state: 'idle', since: 0 });
    clock.advance(3_000);
    expect((await cycle(await discoverPanes(pool))).captures).toEqual({ adaptive: 3, concurrent: 12 });
  });

  it('keeps states and `since` when the monitor switches from polling to adaptive at runtime', async () => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    const pool = await setUp(sandbox);
    const clock = manualClock();
    const checker = new AsyncHealthChecker({ runner: pool, clock, debounceMs: 5_000 });
    const host = createStrategyHost(await loadStrategy('polling'), { services: { runner: pool, checker, clock, debounceMs: 5_000 }, loadOptions: { importModule } });
    const panes = await discoverPanes(pool);
    await host.observe(panes);
    clock.advance(5_000);
    const before = await host.observe(panes);
    expect(before.get(panes[2]?.id ?? '')?.result).toMatchObject({ state: 'idle', since: 0 });

    await host.switchStrategy('adaptive', { staleness: 60 });
    expect(host.strategy.name).toBe('adaptive');
    clock.advance(3_000);
    const after = await host.observe(await discoverPanes(pool));
    for (const pane of panes) expect(after.get(pane.id)?.result).toEqual(expect.objectContaining({ state: before.get(pane.id)?.result.state, since: before.get(pane.id)?.result.since }));
    // Adaptive used polling's observations as its own: only the PM and the waiting agent were looked at.
    expect((host.strategy as AdaptiveStrategy).lastPlan?.capture).toHaveLength(2);
    await host.dispose();
  });
});

import { createManualClock } from '@tmux-orc/clock';
import { AsyncHealthChecker, HealthChecker } from '@tmux-orc/health-checker';
import { useTmuxSandbox } from '@tmux-orc/testkit';
import { createTmuxConnectionPool } from '@tmux-orc/tmux-pool';
import { describe, expect, it, onTestFinished } from 'vitest';
import { discoverPanes, spawnClaudeFleet } from './__fixtures__/sandbox-fleet.js';

import { createConcurrentStrategy } from './concurrent-strategy.js';
import type { Observation } from './monitoring-strategy.js';
import { createPollingStrategy } from './polling-strategy.js';
import { createStrategyHost } from './strategy-host.js';

const screens = [
  'idle-replied-120x40',
  'waiting_input-bash-approval-120x40',
  'error-http500-gave-up-120x40',
  'rate_limited-http429-gave-up-120x40',
  'active-streaming-120x40',
  'queued_message-typed-not-sent-120x40',
  'compacting-compact-120x40',
  'fresh-started-120x40',
];

function verdicts(observations: Map<string, Observation>) {
  return new Map([...observations].map(([id, o]) => [id, { state: o.result.state, detector: o.result.detector, evidence: o.result.evidence }]));
}

describe('built-in strategies on a real tmux server', () => {
  it('polling over exec ("sync") and concurrent over control mode reach the same verdicts', async () => {
    const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
    await spawnClaudeFleet(sandbox, screens);
    const { paneId: dead } = await sandbox.newSession('gone', { window: 'Claude-gone', command: 'exit 3', remainOnExit: true });
    await sandbox.tmux('set-option', '-p', '-t', dead, '@tmux-orc-agent', 'claude-code');
    const sync = createTmuxConnectionPool({ server: sandbox.server, transport: 'exec' });
    const control = createTmuxConnectionPool({ server: sandbox.server, transport: 'control' });
    onTestFinished(() => Promise.all([sync.close(), control.close()]).then(() => undefined));

    const clock = createManualClock(0);
    const polling = createStrategyHost(createPollingStrategy(), {
      services: { runner: sync, checker: new HealthChecker({ runner: sync, clock, debounceMs: 5_000 }), clock },
    });
    const concurrent = createStrategyHost(createConcurrentStrategy(), {
      services: { runner: control, checker: new AsyncHealthChecker({ runner: control, clock, debounceMs: 5_000 }), clock },
    });
    let panes = await discoverPanes(control);
    for (let i = 0; i < 50 && panes.find((p) => p.id === dead)?.deadStatus !== 3; i += 1) panes = await discoverPanes(control);
    expect(panes).toHaveLength(screens.length + 1);

    await polling.observe(panes);
    await concurrent.observe(panes);
    clock.advance(5_000);
    const bySync = verdicts(await polling.observe(panes));
    const byConcurrent = verdicts(await concurrent.observe(panes));

    expect(byConcurrent).toEqual(bySync);
    const states = panes.map((pane) => bySync.get(pane.id)?.state);
    // The streaming screen shows Claude Code's status line: active however long it stays.
    expect(states).toEqual(['idle', 'waiting_input', 'error', 'rate_limited', 'active', 'queued_message', 'compacting', 'fresh', 'crashed']);
    expect(control.metrics().transport).toBe('control');
  });
});

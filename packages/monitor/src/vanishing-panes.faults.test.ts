import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDefaultConfig, type Config } from '@tmux-orc/config';
import { createConcurrentStrategy, type MonitoringStrategy } from '@tmux-orc/strategies';
import { simAgentCommand, simAgentProcessName, useTmuxSandbox } from '@tmux-orc/testkit';
import { createTmuxConnectionPool, type TmuxServer } from '@tmux-orc/tmux-pool';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { memoryLogger } from './__fixtures__/agent-views.js';
import { createMonitor } from './create-monitor.js';
import type { MonitorPool } from './monitor-api.js';

const AGENTS = 60;
const KILLED_WINDOWS = 25; // killed after listing, before any capture
const KILLED_PANES = 25; // killed while the captures are in flight

const fixtures = fileURLToPath(new URL('../../health-checker/src/__fixtures__/claude-code-2.1.330/', import.meta.url));
/** A PM that looks like an idle agent CLI (not a shell) and records every line typed into it. */
const recorder = (file: string): string => simAgentCommand({ screensDir: fixtures, screen: 'idle-replied-120x40', record: file, processName: simAgentProcessName });

// `events`: panes come from tmux's notifications (EventPaneLister); the kills must reach discovery that way.
describe.each(['list', 'events'] as const)('50 panes and windows killed mid-cycle (discovery: %s)', (discovery) => {
  it('are skipped, reported missing once each, and never fail the cycle', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tmux-orc-vanish-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const pmFile = join(dir, 'pm.log');
    const sandbox = await useTmuxSandbox();
    const agents = await sandbox.spawnAgents(AGENTS, { session: 'team', command: () => simAgentCommand(), windowName: (i) => `Claude-a${i}` });
    await sandbox.newWindow('team', 'pm', { command: recorder(pmFile) });
    const doomedWindows = agents.slice(0, KILLED_WINDOWS);
    const doomedPanes = agents.slice(KILLED_WINDOWS, KILLED_WINDOWS + KILLED_PANES);
    const survivors = agents.slice(KILLED_WINDOWS + KILLED_PANES);
    const killAll = (verb: string, targets: string[]): Promise<string> => sandbox.tmux(...targets.flatMap((t, i) => [...(i === 0 ? [] : [';']), verb, '-t', t]));

    let armed = false;
    const concurrent = createConcurrentStrategy();
    const killing: MonitoringStrategy = {
      ...concurrent,
      async observe(input) {
        // The panes were listed already; their windows go before the first capture.
        if (armed) await killAll('kill-window', doomedWindows.map((a) => a.target));
        return concurrent.observe(input);
      },
    };
    let captures = 0;
    const createPool = (server: TmuxServer): MonitorPool => {
      const pool = createTmuxConnectionPool({ server });
      return {
        get transport() {
          return pool.transport;
        },
        metrics: () => pool.metrics(),
        close: () => pool.close(),
        async run(args, options) {
          // Halfway through the cycle's captures, the other 25 panes die while commands are in flight.
          if (armed && args[0] === 'capture-pane' && ++captures === 10) void killAll('kill-pane', doomedPanes.map((a) => a.paneId));
          return pool.run(args, options);
        },
      };
    };
    let now = Date.now();
    const base = createDefaultConfig(dir);
    const config: Config = {
      ...base,
      // No screen reuse: a screen cached 2 s before (the TTL's cap, equal to the cycle spacing here)
      // would stand in for a capture, and the killed panes must really be captured mid-cycle.
      monitoring: { ...base.monitoring, check_interval: 1, debounce: 1, async: { ...base.monitoring.async, discovery, strategy: 'concurrent', cache: { ...base.monitoring.async.cache, enabled: false } } },
      notifications: { ...base.notifications, escalation: { missing_agent: [0], team_idle: [] } },
      recovery: { ...base.recovery, restart_crashed: false, resubmit_attempts: 0 },
      servers: [{ socket_name: sandbox.socketName }],
    };
    const logger = memoryLogger();
    const monitor = createMonitor(config, { strategy: killing, createPool, wallClock: { now: () => now }, monotonicClock: { now: () => now }, logger });
    onTestFinished(() => monitor.stop());

    const first = await monitor.runCycle();
    expect(first.status.agents.filter((a) => a.role === 'agent')).toHaveLength(AGENTS);
    now += 2000;
    // The PM is idle once its screen stayed still for the debounce, so reports reach it.
    await monitor.runCycle();
    now += 2000;

    armed = true;
    const hit = await monitor.runCycle();
    armed = false;
    expect(captures).toBeGreaterThanOrEqual(10);
    expect(hit.status.servers[0]).toMatchObject({ up: true, consecutive_failures: 0 });
    // Panes killed before their capture are skipped this cycle; none is reported in a made-up state.
    const hitIds = new Set(hit.status.agents.map((a) => a.id));
    for (const gone of doomedWindows) expect(hitIds.has(gone.paneId), gone.target).toBe(false);
    for (const agent of hit.status.agents) expect(agent.state, agent.id).not.toBe('unknown');

    now += 2000;
    const after = await monitor.runCycle();
    expect(after.status.agents.filter((a) => a.role === 'agent').map((a) => a.id).sort()).toEqual(survivors.map((a) => a.paneId).sort());
    now += 2000;
    await monitor.runCycle();

    // The 50 reported missing to the PM once each, in rolled-up lines (not 50 in one 1300-character
    // line). Which cycle sees which pane gone depends on when the kills land against the cycle's
    // captures (and, with events, against tmux's notifications): 50, 25 + 25 or 23 + 2 + 25 are all
    // right; the sum says that none was reported twice or left out.
    const missing = await vi.waitFor(async () => {
      const text = await readFile(pmFile, 'utf8').catch(() => '');
      const lines = text.split('\n').filter((line) => line.includes('missing'));
      // A line may roll up other news too (`21 agents idle: …; 39 agents missing: …`).
      const counted = lines.map((line) => {
        expect(line.length, line).toBeLessThanOrEqual(600);
        const segment = line.replace(/^\[tmux-orc\] /, '').split('; ').find((part) => / missing: /.test(part)) ?? '';
        const match = /^(\d+) agents? missing: (.+)$/.exec(segment);
        const count = Number(match?.[1]);
        const names = (match?.[2] ?? '').replace(/ … and (\d+) more$/, '').split(', ');
        expect(names.length + Number(/ … and (\d+) more$/.exec(segment)?.[1] ?? 0), line).toBe(count);
        return count;
      });
      expect(counted.reduce((sum, n) => sum + n, 0), lines.join('\n')).toBe(KILLED_WINDOWS + KILLED_PANES);
      return lines;
    }, { timeout: 5000 });
    expect(new Set(missing).size).toBe(missing.length);
    expect(logger.lines.filter((l) => l.startsWith('error'))).toEqual([]);
  }, 60_000);
});

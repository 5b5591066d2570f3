import { join } from 'node:path';
import { createDefaultConfig, type Config } from '@tmux-orc/config';
import { simAgentCommand, simAgentScreensDir, useTmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { memoryLogger } from './__fixtures__/agent-views.js';
import { createMonitor } from './create-monitor.js';
import type { AgentTransition } from './agent-state-tracker.js';

const screensDir = join(simAgentScreensDir, 'claude-code');

/** A monitor whose interval (10 min) never ticks during a test: every cycle after the first comes from tmux or the debounce. */
async function startMonitor(options: { transport?: 'control' | 'exec'; debounce?: number } = {}) {
  const sandbox = await useTmuxSandbox({ width: 120, height: 40 });
  const agent = await sandbox.newWindow(sandbox.defaultSession, 'Claude-dev', { command: simAgentCommand({ screensDir, screen: 'idle-replied' }) });
  const base = createDefaultConfig('/nonexistent-tmux-orc-home');
  const config: Config = {
    ...base,
    monitoring: {
      ...base.monitoring,
      check_interval: 600,
      debounce: options.debounce ?? 1,
      async: { ...base.monitoring.async, strategy: 'adaptive', discovery: 'events', pool: { ...base.monitoring.async.pool, transport: options.transport ?? 'control' } },
    },
    recovery: { ...base.recovery, restart_crashed: false, resubmit_attempts: 0 },
    servers: [{ socket_name: sandbox.socketName }],
  };
  const transitions: AgentTransition[] = [];
  const logger = memoryLogger();
  const monitor = createMonitor(config, { logger, loadStrategy: async () => (await import('@tmux-orc/strategy-adaptive')).createStrategy({}) });
  monitor.subscribe((event) => {
    if (event.type === 'transition') transitions.push(event.transition);
  });
  onTestFinished(() => monitor.stop());
  await monitor.start();
  await vi.waitFor(() => expect(transitions.filter((t) => t.pane.id === agent.paneId).at(-1)?.to).toBe('idle'), { timeout: 10_000 });
  const cycles = () => monitor.status().base_status.cycle_count;
  return { sandbox, agent, monitor, transitions, cycles, logger };
}

const show = (paneId: string, screen: string) => [`send-keys`, '-t', paneId, '-l', `screen ${screen}`, ';', 'send-keys', '-t', paneId, 'Enter'];

describe('monitoring with discovery: events', () => {
  it('emits a transition when a screen changes, with no interval tick', async () => {
    const { sandbox, agent, transitions, cycles } = await startMonitor();
    const before = cycles();
    await sandbox.tmux(...show(agent.paneId, 'waiting_input-write-approval'));
    await vi.waitFor(() => expect(transitions.at(-1)).toMatchObject({ to: 'waiting_input', pane: { id: agent.paneId } }), { timeout: 10_000 });
    expect(cycles()).toBeGreaterThan(before);
  }, 30_000);

  it('finds an agent in a new window, and turns a quiet active agent idle by the debounce timer', async () => {
    const { sandbox, transitions, monitor } = await startMonitor();
    const added = await sandbox.newWindow(sandbox.defaultSession, 'Claude-qa', { command: simAgentCommand({ screensDir, screen: 'idle-replied' }) });
    await vi.waitFor(() => expect(monitor.status().agents.map((a) => a.id)).toContain(added.paneId), { timeout: 10_000 });
    await sandbox.tmux('send-keys', '-t', added.paneId, '-l', 'print 40', ';', 'send-keys', '-t', added.paneId, 'Enter');
    await vi.waitFor(() => expect(transitions.filter((t) => t.pane.id === added.paneId).map((t) => t.to)).toContain('active'), { timeout: 10_000 });
    // Nothing prints after that: only the debounce timer can start the cycle that calls it idle.
    await vi.waitFor(() => expect(transitions.filter((t) => t.pane.id === added.paneId).at(-1)?.to).toBe('idle'), { timeout: 15_000 });
  }, 40_000);

  it('runs no cycle for an active agent printing on: only the debounce timer looks at it between ticks', async () => {
    const { sandbox, agent, transitions, cycles } = await startMonitor({ debounce: 5 });
    await sandbox.tmux('send-keys', '-t', agent.paneId, '-l', 'stream', ';', 'send-keys', '-t', agent.paneId, 'Enter');
    await vi.waitFor(() => expect(transitions.at(-1)).toMatchObject({ to: 'active', pane: { id: agent.paneId } }), { timeout: 10_000 });
    const before = cycles();
    // tmux reports its activity about once a second; a cycle for each would be ~8 in 8 s.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    expect(cycles() - before).toBeLessThanOrEqual(3);
    expect(cycles() - before).toBeGreaterThanOrEqual(1);
  }, 40_000);

  it('over the exec transport, lists every cycle (no subscription client) and still works', async () => {
    const { sandbox, agent, monitor } = await startMonitor({ transport: 'exec' });
    expect(monitor.status().agents.map((a) => a.id)).toContain(agent.paneId);
    expect((await sandbox.tmux('list-clients', '-F', '#{client_pid}')).trim()).toBe('');
  }, 30_000);
});

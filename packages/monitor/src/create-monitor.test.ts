import { rm } from 'node:fs/promises';
import { createManualClock } from '@tmux-orc/clock';
import { createDefaultConfig, type Config } from '@tmux-orc/config';
import { createConcurrentStrategy, type MonitoringStrategy } from '@tmux-orc/strategies';
import { simAgentCommand, useTmuxSandbox, type TmuxSandbox } from '@tmux-orc/testkit';
import { createTmuxConnectionPool, type TmuxConnectionPool, type TmuxServer } from '@tmux-orc/tmux-pool';
import { execa } from 'execa';
import { describe, expect, it, onTestFinished } from 'vitest';
import { memoryLogger } from './__fixtures__/agent-views.js';
import { createMonitor } from './create-monitor.js';

function configFor(sandbox: TmuxSandbox): Config {
  const base = createDefaultConfig('/tmp/tmux-orc-test-home');
  return {
    ...base,
    monitoring: { ...base.monitoring, check_interval: 1, debounce: 1, async: { ...base.monitoring.async, strategy: 'concurrent' } },
    servers: [{ socket_name: sandbox.socketName }] };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('createMonitor on real tmux', () => {
  it('never stacks cycles: a tick during a slow cycle is skipped and logged; stop finishes the cycle and closes every client', async () => {
    const sandbox = await useTmuxSandbox();
    await sandbox.newSession('team', { window: 'Claude-dev', command: simAgentCommand() });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let observeCalls = 0;
    const concurrent = createConcurrentStrategy();
    const slow: MonitoringStrategy = {
      ...concurrent,
      name: 'slow',
      async observe(input) {
        observeCalls += 1;
        await gate;
        return concurrent.observe(input);
      },
    };
    const timers = createManualClock();
    const pools: TmuxConnectionPool[] = [];
    const logger = memoryLogger();
    const monitor = createMonitor(configFor(sandbox), {
      strategy: slow,
      timers,
      logger,
      createPool: (server: TmuxServer) => {
        const pool = createTmuxConnectionPool({ server });
        pools.push(pool);
        return pool;
      },
    });
    onTestFinished(() => monitor.stop());
    await monitor.start();
    await expect(monitor.start()).rejects.toThrow(/Expected a stopped monitor/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    timers.advance(2_000); // two ticks of the 1 s interval, both during the held cycle
    expect(observeCalls).toBe(1);
    expect(monitor.status().skipped_cycles).toBe(2);
    expect(logger.lines.filter((l) => l.startsWith('warn slow cycle'))).toHaveLength(2);
    const clients = pools.flatMap((p) => p.clientPids());
    expect(clients.length).toBeGreaterThan(0);

    const stopping = monitor.stop();
    release();
    await stopping;
    expect(monitor.status().base_status).toMatchObject({ cycle_count: 1, is_running: false });
    expect(monitor.status().agents.map((a) => a.name)).toEqual(['dev']);
    expect(clients.filter(processAlive)).toEqual([]);
  });

  it('reports a dead server, counts the error, and reconnects when it is back; a pane vanishing mid-cycle is skipped', async () => {
    const sandbox = await useTmuxSandbox();
    const { paneId: keep } = await sandbox.newSession('team', { window: 'Claude-dev', command: simAgentCommand() });
    const { paneId: doomed } = await sandbox.newWindow('team', 'Claude-qa', { command: simAgentCommand() });
    const concurrent = createConcurrentStrategy();
    let killFirst = true;
    const killing: MonitoringStrategy = {
      ...concurrent,
      async observe(input) {
        if (killFirst) await sandbox.tmux('kill-pane', '-t', doomed);
        killFirst = false;
        return concurrent.observe(input);
      },
    };
    const base = configFor(sandbox);
    const logger = memoryLogger();
    const monitor = createMonitor({ ...base, monitoring: { ...base.monitoring, max_failures: 2 } }, { strategy: killing, logger });
    onTestFinished(() => monitor.stop());

    const first = await monitor.runCycle();
    expect(first.status.agents.map((a) => a.id)).toEqual([keep]);
    expect(first.status.base_status.errors_detected).toBe(0);

    await sandbox.kill();
    const down = await monitor.runCycle();
    expect(down.status.servers).toEqual([expect.objectContaining({ up: false, consecutive_failures: 1, error: expect.stringMatching(/tmux-orc-test/) })]);
    expect(down.status.base_status.errors_detected).toBe(1);
    expect(down.status.cycle_failures).toMatchObject({ consecutive: 1, last_error: { code: 'TMUX_SERVER_GONE', message: expect.stringMatching(/tmux-orc-test/) } });
    expect(down.status.agents.map((a) => a.id)).toEqual([keep]);
    await monitor.runCycle();
    expect(monitor.status().servers[0]).toMatchObject({ up: false, consecutive_failures: 2 });
    expect(monitor.status().base_status.errors_detected).toBe(2);
    expect(logger.lines.filter((l) => l.startsWith('error tmux server down'))).toHaveLength(1);

    const tmux = (...args: string[]) => execa('tmux', ['-L', sandbox.socketName, '-f', '/dev/null', ...args]);
    onTestFinished(async () => {
      await tmux('kill-server').catch(() => undefined);
      // This server is not the sandbox's: nobody else removes its socket file.
      await rm(sandbox.socketPath, { force: true });
    });
    await tmux('new-session', '-d', '-s', 'again', '-n', 'Claude-ops', simAgentCommand());
    const up = await monitor.runCycle();
    expect(up.status.servers[0]).toMatchObject({ up: true, error: null, consecutive_failures: 0 });
    expect(up.status.agents.map((a) => a.name)).toEqual(['ops']);
    expect(up.status.cycle_failures).toMatchObject({ consecutive: 0, since: null, last_error: { code: 'TMUX_SERVER_GONE' } });
  });

  it('records a strategy that throws as a failed cycle (STRATEGY_FAILED, naming it and the server), in a row until a cycle works', async () => {
    const sandbox = await useTmuxSandbox();
    await sandbox.newSession('team', { window: 'Claude-dev', command: simAgentCommand() });
    const concurrent = createConcurrentStrategy();
    let broken = true;
    const flaky: MonitoringStrategy = {
      ...concurrent,
      name: 'flaky',
      async observe(input) {
        if (broken) throw new Error('lost its way');
        return concurrent.observe(input);
      },
    };
    const monitor = createMonitor(configFor(sandbox), { strategy: flaky });
    onTestFinished(() => monitor.stop());
    await expect(monitor.runCycle()).rejects.toMatchObject({ code: 'STRATEGY_FAILED', message: expect.stringContaining('`flaky`') });
    await expect(monitor.runCycle()).rejects.toThrow(/lost its way/);
    const failing = monitor.status();
    expect(failing.base_status).toMatchObject({ cycle_count: 0, errors_detected: 2 });
    expect(failing.cycle_failures).toMatchObject({ consecutive: 2, last_error: { code: 'STRATEGY_FAILED' } });
    expect(failing.cycle_failures.last_error?.message).toContain(`-L ${sandbox.socketName}`);
    expect(Date.parse(failing.cycle_failures.last_error?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(failing.cycle_failures.since ?? ''));

    broken = false;
    const works = await monitor.runCycle();
    expect(works.status.cycle_failures).toMatchObject({ consecutive: 0, since: null, last_error: { code: 'STRATEGY_FAILED' } });
    expect(works.status.agents.map((a) => a.name)).toEqual(['dev']);
  });

  it('falls back to polling on the exec transport when control mode cannot start, and says so', async () => {
    const sandbox = await useTmuxSandbox();
    await sandbox.newSession('team', { window: 'Claude-dev', command: simAgentCommand() });
    const monitor = createMonitor(configFor(sandbox), {
      createPool: (server) => createTmuxConnectionPool({ server, controlTmuxPath: '/nonexistent/tmux' }),
    });
    onTestFinished(() => monitor.stop());
    const { status } = await monitor.runCycle();
    expect(status.current_strategy).toBe('polling');
    expect(status.fallback).toMatch(/control mode could not start .*running polling on the exec transport/);
    expect(status.servers[0]?.transport).toBe('exec');
    expect(status.agents.map((a) => [a.name, a.detector])).toEqual([['dev', 'shell']]);
  });

  it('loads the strategy config names, the adaptive plugin included', async () => {
    const sandbox = await useTmuxSandbox();
    await sandbox.newSession('team', { window: 'Claude-dev', command: simAgentCommand() });
    const base = configFor(sandbox);
    const config = { ...base, monitoring: { ...base.monitoring, async: { ...base.monitoring.async, strategy: 'adaptive' } } };
    const monitor = createMonitor(config);
    onTestFinished(() => monitor.stop());
    const { status } = await monitor.runCycle();
    expect(status.current_strategy).toBe('adaptive');
    expect(status.agents.map((a) => a.name)).toEqual(['dev']);
  });

  it('hands the configured strategy its strategy_options', async () => {
    const sandbox = await useTmuxSandbox();
    await sandbox.newSession('team', { window: 'Claude-dev', command: simAgentCommand() });
    const base = configFor(sandbox);
    const async = { ...base.monitoring.async, strategy: 'adaptive', strategy_options: { staleness: 'soon' } };
    const monitor = createMonitor({ ...base, monitoring: { ...base.monitoring, async } });
    onTestFinished(() => monitor.stop());
    await expect(monitor.runCycle()).rejects.toThrow(/staleness/);
  });

  it('says which strategy it could not load', async () => {
    const sandbox = await useTmuxSandbox();
    await sandbox.newSession('team', { window: 'Claude-dev', command: simAgentCommand() });
    const base = configFor(sandbox);
    const config = { ...base, monitoring: { ...base.monitoring, async: { ...base.monitoring.async, strategy: 'no-such-strategy-xyz' } } };
    const monitor = createMonitor(config);
    onTestFinished(() => monitor.stop());
    await expect(monitor.runCycle()).rejects.toMatchObject({ code: 'STRATEGY_UNAVAILABLE', message: expect.stringMatching(/Expected to load the strategy `no-such-strategy-xyz`/) });
  });
});

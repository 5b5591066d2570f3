import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simAgentCommand, simAgentScreensDir, useTmuxSandbox } from '@tmux-orc/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliIfStale } from '../__fixtures__/cli-harness.js';
import { clientPids, daemonClients, daemonStatus, faultConfig, isAlive, startFaultDaemon, startServerOn, tmuxOn, useCliHome, waitForCycle, waitUntil } from './__fixtures__/fault-daemon.js';

const idleAgent = simAgentCommand({ screensDir: join(simAgentScreensDir, 'claude-code'), screen: 'idle-replied' });
const MAX_FAILURES = 2;

beforeAll(() => buildCliIfStale(), 300_000);

/** Two Claude Code agents (simulated) in session `team`; resolves their pane ids. */
async function team(socketName: string): Promise<string[]> {
  await tmuxOn(socketName, ['new-session', '-d', '-s', 'team', '-n', 'Claude-dev', idleAgent]);
  await tmuxOn(socketName, ['new-window', '-t', 'team', '-n', 'Claude-qa', idleAgent]);
  const panes = (await tmuxOn(socketName, ['list-panes', '-s', '-t', 'team', '-F', '#{pane_id}'])).trim().split('\n');
  for (const pane of panes) await tmuxOn(socketName, ['set-option', '-p', '-t', pane, '@tmux-orc-agent', 'claude-code']);
  return panes;
}

describe('the tmux server killed while the daemon runs, then started again on the same socket', () => {
  it('is reported down within one cycle and as an outage after max_failures, the daemon survives, and the agents come back', async () => {
    const sandbox = await useTmuxSandbox();
    await team(sandbox.socketName);
    const home = await useCliHome();
    const pid = await startFaultDaemon(home, sandbox.socketName, faultConfig({ maxFailures: MAX_FAILURES }));
    const before = await waitUntil(async () => {
      const status = await daemonStatus(home);
      return status !== null && status.agents.length === 2 ? status : undefined;
    }, 'both agents tracked');
    expect(before.detailed?.servers[0]?.up).toBe(true);

    await sandbox.kill();
    const killedAt = before.detailed?.base_status.cycle_count ?? 0;
    const down = await waitUntil(async () => {
      const status = await daemonStatus(home);
      return status?.detailed?.servers[0]?.up === false ? status : undefined;
    }, 'the server reported down');
    // The monitor promises `up: false` from the first failed cycle (the cycle running at the kill may
    // still have succeeded: at most one more cycle).
    expect(down.detailed?.base_status.cycle_count ?? 0).toBeLessThanOrEqual(killedAt + 2);
    expect(down.detailed?.servers[0]?.error).toMatch(/not running|no server|server/i);
    // Its agents are kept (not called missing) while the server is down.
    expect(down.agents).toHaveLength(2);
    // `status` (answered by the daemon) exits 1: a tmux server cannot be reached.
    const cli = await home.run(['--config', 'faults.yaml', '-L', sandbox.socketName, 'status', '--json']);
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.stdout)).toMatchObject({ source: 'daemon' });

    // After max_failures failed cycles in a row the log says the server is down, once.
    const outage = await waitUntil(async () => {
      const status = await daemonStatus(home);
      return (status?.detailed?.servers[0]?.consecutive_failures ?? 0) >= MAX_FAILURES + 1 ? status : undefined;
    }, `${MAX_FAILURES + 1} failed cycles`);
    expect(outage?.detailed?.servers[0]?.up).toBe(false);
    const logLines = (await readFile(join(home.home, 'logs/async-monitor.log'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { msg: string; failures?: number });
    expect(logLines.filter((l) => l.msg === 'tmux server down').map((l) => l.failures)).toEqual([MAX_FAILURES]);
    expect(isAlive(pid)).toBe(true);

    // The same socket comes back with a new server and new panes.
    await startServerOn(sandbox.socketName);
    const panes = await team(sandbox.socketName);
    const after = await waitUntil(async () => {
      const status = await daemonStatus(home);
      const ids = status?.agents.map((a) => a.id).sort() ?? [];
      return status?.detailed?.servers[0]?.up === true && ids.join() === [...panes].sort().join() ? status : undefined;
    }, 'the new panes tracked after the restart');
    expect(after.detailed?.servers[0]).toMatchObject({ up: true, consecutive_failures: 0, transport: 'control' });
    expect(after.detailed?.fallback).toBeNull();
    expect(isAlive(pid)).toBe(true);
    // One control client on the new server (and the lister's, with events): reconnected once, nothing leaked.
    await waitForCycle(home, (after.detailed?.base_status.cycle_count ?? 0) + 2);
    expect(await clientPids(sandbox.socketName)).toHaveLength(daemonClients);
    const stop = await home.run(['monitor', 'stop']);
    expect(stop.code).toBe(0);
    expect(await clientPids(sandbox.socketName)).toEqual([]);
  }, 60_000);
});

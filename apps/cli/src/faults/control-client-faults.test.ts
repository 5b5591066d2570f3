import { join } from 'node:path';
import { simAgentCommand, simAgentScreensDir, useTmuxSandbox } from '@tmux-orc/testkit';
import type { TmuxSandbox } from '@tmux-orc/testkit';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildCliIfStale } from '../__fixtures__/cli-harness.js';
import { clientPids, daemonClients, daemonStatus, isAlive, startFaultDaemon, useCliHome, waitForCycle, waitUntil } from './__fixtures__/fault-daemon.js';

/** `@tmux-orc/tmux-pool`'s per-command timeout, which the monitor uses (not a config key). */
const COMMAND_TIMEOUT_MS = 5000;
/** Scheduling slack on a loaded 2-core machine; a cycle bound is the timeout plus this. */
const SLACK_MS = 1500;
const idleAgent = simAgentCommand({ screensDir: join(simAgentScreensDir, 'claude-code'), screen: 'idle-replied' });

beforeAll(() => buildCliIfStale(), 300_000);

async function team(sandbox: TmuxSandbox): Promise<void> {
  const { paneId: dev } = await sandbox.newSession('team', { window: 'Claude-dev', command: idleAgent });
  const { paneId: qa } = await sandbox.newWindow('team', 'Claude-qa', { command: idleAgent });
  for (const pane of [dev, qa]) await sandbox.tmux('set-option', '-p', '-t', pane, '@tmux-orc-agent', 'claude-code');
}

describe('the daemon when its control-mode client is killed or its tmux server stalls', () => {
  it('replaces a SIGKILLed control client and keeps tracking', async () => {
    const sandbox = await useTmuxSandbox();
    await team(sandbox);
    const home = await useCliHome();
    const pid = await startFaultDaemon(home, sandbox.socketName);
    const before = await waitUntil(async () => {
      const status = await daemonStatus(home);
      return status?.agents.length === 2 ? status : undefined;
    }, 'both agents tracked');
    // Every client of the daemon (with events discovery, the lister's too).
    const killed = await clientPids(sandbox.socketName);
    expect(killed).toHaveLength(daemonClients);
    for (const client of killed) process.kill(client, 'SIGKILL');

    const after = await waitUntil(async () => {
      const status = await daemonStatus(home);
      const pool = status?.detailed?.connection_pool;
      return pool !== undefined && pool !== null && pool.recycled >= 1 && status?.detailed?.servers[0]?.up === true ? status : undefined;
    }, 'the killed client recycled');
    await waitForCycle(home, (after.detailed?.base_status.cycle_count ?? 0) + 2);
    const clients = await waitUntil(async () => {
      const now = await clientPids(sandbox.socketName);
      return now.length === daemonClients ? now : undefined;
    }, 'the daemon attached again');
    for (const client of killed) expect(clients).not.toContain(client);
    const status = await daemonStatus(home);
    expect(status?.agents.map((a) => a.id).sort()).toEqual(before.agents.map((a) => a.id).sort());
    expect(status?.detailed?.connection_pool).toMatchObject({ transport: 'control', created: 2 });
    expect(status?.detailed?.fallback).toBeNull();
    expect(isAlive(pid)).toBe(true);
  }, 60_000);

  it('a stalled server (SIGSTOP): commands time out, the client is recycled, no cycle waits past the command timeout', async () => {
    const sandbox = await useTmuxSandbox();
    onTestFinished(() => {
      try {
        process.kill(sandbox.serverPid, 'SIGCONT');
      } catch {
        // gone already
      }
    });
    await team(sandbox);
    const home = await useCliHome();
    const pid = await startFaultDaemon(home, sandbox.socketName);
    const before = await waitForCycle(home, 3);
    const stalledClients = await clientPids(sandbox.socketName);

    process.kill(sandbox.serverPid, 'SIGSTOP');
    let during;
    try {
      // Longer than one command timeout, so a cycle's command must time out, and the next cycles
      // meet a server that still does not answer.
      await new Promise((r) => setTimeout(r, COMMAND_TIMEOUT_MS + 4000));
      // The daemon's API is not blocked by the stalled server.
      during = await daemonStatus(home);
    } finally {
      process.kill(sandbox.serverPid, 'SIGCONT');
    }
    expect(during?.detailed?.servers[0]?.up, JSON.stringify([during?.detailed?.servers, during?.detailed?.cycles])).toBe(false);
    expect(during?.detailed?.servers[0]?.error).toMatch(/no answer within/);

    const recovered = await waitUntil(async () => {
      const status = await daemonStatus(home);
      return status?.detailed?.servers[0]?.up === true && (status.detailed.base_status.cycle_count ?? 0) > (during?.detailed?.base_status.cycle_count ?? 0) + 2 ? status : undefined;
    }, 'the server up again');
    const cycles = recovered.detailed?.cycles;
    const pool = recovered.detailed?.connection_pool;
    const duringStall = (cycles?.recent_ms ?? []).slice(-((recovered.detailed?.base_status.cycle_count ?? 0) - (before.detailed?.base_status.cycle_count ?? 0)));
    console.info(`stalled-server cycles (ms): ${duringStall.join(' ')}`);
    // Listing every cycle, one cycle meets the timeout. With events discovery a quiet cycle sends tmux
    // nothing: the lister's liveness ping (not awaited) times out instead, and the next cycle says so.
    if (daemonClients === 1) expect(Math.max(...duringStall)).toBeGreaterThanOrEqual(COMMAND_TIMEOUT_MS - 100);
    expect(Math.max(...duringStall)).toBeLessThanOrEqual(COMMAND_TIMEOUT_MS + SLACK_MS);
    expect(pool).toMatchObject({ transport: 'control', fallback_reason: null });
    // With events discovery the lister's ping meets the stall first and the cycle ends there: the
    // pool's client is never stuck, and the lister's client is the one replaced.
    if (daemonClients === 1) {
      expect(pool?.recycled).toBeGreaterThanOrEqual(1);
      expect(pool?.errors).toBeGreaterThanOrEqual(1);
    }
    expect(recovered.detailed?.fallback).toBeNull();
    expect(recovered.agents).toHaveLength(2);
    await waitUntil(async () => {
      const now = await clientPids(sandbox.socketName);
      return now.length === daemonClients && stalledClients.some((client) => !now.includes(client)) ? now : undefined;
    }, 'a stalled client replaced');
    expect(isAlive(pid)).toBe(true);
  }, 60_000);
});

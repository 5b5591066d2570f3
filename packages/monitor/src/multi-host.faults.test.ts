import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, createDefaultConfig } from '@tmux-orc/config';
import { type SshHost, createSshHost, useTmuxSandbox } from '@tmux-orc/testkit';
import { createTmuxConnectionPool, type Logger } from '@tmux-orc/tmux-pool';
import { describe, expect, it, onTestFinished } from 'vitest';
import { hostEntry, sshChildren, teamWithPm } from './__fixtures__/ssh-host-fleet.js';
import { createMonitor } from './create-monitor.js';
import { poolFromConfig } from './watched-server.js';

/** A logger that keeps every line, to count what was reported. */
function recordingLogger(): Logger & { lines: { level: string; message: string; fields: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, fields: Record<string, unknown> = {}) => void lines.push({ level, message, fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

async function startHost(): Promise<SshHost> {
  const host = await createSshHost({ sandbox: { width: 120, height: 40 } });
  onTestFinished(() => host.stop());
  return host;
}

async function fixture() {
  const dir = await mkdtemp(join(tmpdir(), 'tmux-orc-multi-host-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const [hostA, hostB] = [await startHost(), await startHost()];
  const local = await useTmuxSandbox({ width: 120, height: 40 });
  // The same session name everywhere: reports must still reach only the PM of the agent's own host.
  const a = await teamWithPm(hostA.sandbox, dir, 'a', 'Claude-a', 'idle-replied-120x40');
  const b = await teamWithPm(hostB.sandbox, dir, 'b', 'Claude-b', 'waiting_input-bash-approval-120x40');
  const c = await teamWithPm(local, dir, 'c', 'Claude-c', 'idle-replied-120x40');
  const base = createDefaultConfig(dir);
  const config: Config = {
    ...base,
    monitoring: { ...base.monitoring, check_interval: 1, debounce: 5, async: { ...base.monitoring.async, pool: { ...base.monitoring.async.pool, connection_timeout: 5 } } },
    notifications: { ...base.notifications, cooldowns: { ...base.notifications.cooldowns, idle: 300, waiting_input: 300 }, escalation: { missing_agent: [], team_idle: [] } },
    servers: [{ socket_name: local.socketName }, hostEntry(hostA), hostEntry(hostB)],
  };
  return { dir, hostA, hostB, local, a, b, c, config };
}

describe('servers on several hosts over real OpenSSH', () => {
  it('names the host in ids and status, and sends each report to the PM of its own host', async () => {
    const { hostA, hostB, local, a, b, c, config } = await fixture();
    let now = Date.UTC(2026, 10, 30, 9, 0, 0);
    const clock = { now: () => now };
    const monitor = createMonitor(config, { wallClock: clock, monotonicClock: clock, statePath: join(config.logging.directory, '..', 'state.json') });
    onTestFinished(() => monitor.stop());
    await monitor.runCycle();
    now += 6000;
    const { status, reports } = await monitor.runCycle();
    const agents = status.agents.filter((x) => x.role === 'agent').map((x) => [x.id, x.host, x.state]);
    const hostLabel = (h: SshHost) => `root@${h.address}:${String(h.ssh.port)}`;
    expect(agents).toEqual(
      expect.arrayContaining([
        [`-L ${local.socketName}/${c.agentPane}`, null, 'idle'],
        [`${hostLabel(hostA)} -L ${hostA.sandbox.socketName}/${a.agentPane}`, hostLabel(hostA), 'idle'],
        [`${hostLabel(hostB)} -L ${hostB.sandbox.socketName}/${b.agentPane}`, hostLabel(hostB), 'waiting_input'],
      ]),
    );
    expect(status.servers.map((s) => [s.host, s.up, s.transport])).toEqual([[null, true, 'control'], [hostLabel(hostA), true, 'control'], [hostLabel(hostB), true, 'control']]);
    expect(reports).toHaveLength(3);
    // Each PM got exactly the report about its own host's agent, typed over that host's connection.
    await expect.poll(async () => (await readFile(a.pmLog, 'utf8').catch(() => '')).trim(), { timeout: 10_000 }).toBe('[tmux-orc] a (team:1) idle 6s');
    await expect.poll(async () => (await readFile(b.pmLog, 'utf8').catch(() => '')).trim(), { timeout: 10_000 }).toBe('[tmux-orc] b (team:1) waiting_input: "Do you want to proceed?"');
    await expect.poll(async () => (await readFile(c.pmLog, 'utf8').catch(() => '')).trim(), { timeout: 10_000 }).toBe('[tmux-orc] c (team:1) idle 6s');
  }, 120_000);

  it('a host whose sshd is killed mid-run holds up no other: reported once, retried, back with one new connection, 5 times, nothing leaked', async () => {
    const { hostA, config } = await fixture();
    const logger = recordingLogger();
    const pools: ReturnType<typeof poolFromConfig>[] = [];
    const createPool = (server: Parameters<typeof poolFromConfig>[0], cfg: Config) => pools[pools.push(poolFromConfig(server, cfg)) - 1] as ReturnType<typeof poolFromConfig>;
    const monitor = createMonitor(config, { logger, createPool, statePath: join(config.logging.directory, '..', 'state.json') });
    onTestFinished(() => monitor.stop());
    const labelA = (await monitor.runCycle()).status.servers[1]?.server;
    const socketA = hostA.sandbox.socketName;
    // Per host, the pool's control client and, with events discovery (the default), the lister's
    // subscribed one: each one ssh session of the host's one master.
    const clients = config.monitoring.async.discovery === 'events' ? 2 : 1;
    expect(sshChildren(socketA)).toEqual({ masters: 2, sessions: clients, controlClients: clients });

    for (let round = 1; round <= 5; round += 1) {
      await hostA.killSshd();
      let down = await monitor.runCycle();
      // A quiet cycle with events discovery asks the host nothing: the lister learns of the loss when
      // its client's ssh session ends (at once here) or its ping goes unanswered, so wait in time, not in tries.
      const giveUpAt = Date.now() + 15_000;
      while (down.status.servers[1]?.up !== false && Date.now() < giveUpAt) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        down = await monitor.runCycle();
      }
      // The cycle that found host A down still observed the local server and host B.
      expect(down.status.servers.map((s) => s.up), `round ${String(round)}`).toEqual([true, false, true]);
      expect(down.status.servers[1]?.error).toMatch(/unreachable: .*Connection refused/);
      expect(down.status.agents.filter((x) => x.role === 'agent').map((x) => x.name).sort()).toEqual(['a', 'b', 'c']);
      // Retried with backoff while down: more cycles, still down, no second report.
      for (let i = 0; i < 3; i += 1) expect((await monitor.runCycle()).status.servers[1]?.up).toBe(false);
      await hostA.restartSshd();
      await expect.poll(async () => (await monitor.runCycle()).status.servers[1]?.up, { timeout: 60_000, interval: 250 }).toBe(true);
      // Back with new control clients over one new master; nothing of the dead connection left.
      expect(sshChildren(socketA), `round ${String(round)}`).toEqual({ masters: 2, sessions: clients, controlClients: clients });
    }
    const about = (message: string) => logger.lines.filter((l) => l.message === message && l.fields['server'] === labelA).length;
    expect(about('tmux server unreachable')).toBe(5);
    expect(about('tmux server reachable again')).toBe(5);
    expect(pools[1]?.metrics().created).toBe(6);
    await monitor.stop();
    await expect.poll(() => sshChildren(socketA), { timeout: 15_000 }).toEqual({ masters: 0, sessions: 0, controlClients: 0 });
  }, 240_000);

  it('a host whose tmux stops answering is left behind after connection_timeout while the others go on', async () => {
    const { hostB, config } = await fixture();
    // Commands to host B never time out by themselves: only the per-host deadline can end the wait.
    const createPool = (server: Parameters<typeof poolFromConfig>[0], cfg: Config) =>
      server.ssh?.port === hostB.ssh.port ? createTmuxConnectionPool({ server, commandTimeoutMs: 600_000, acquireTimeoutMs: 600_000 }) : poolFromConfig(server, cfg);
    const monitor = createMonitor(config, { createPool, statePath: join(config.logging.directory, '..', 'state.json') });
    onTestFinished(() => monitor.stop());
    await monitor.runCycle();
    process.kill(hostB.sandbox.serverPid, 'SIGSTOP');
    onTestFinished(() => {
      try {
        process.kill(hostB.sandbox.serverPid, 'SIGCONT');
      } catch {
        // Gone already.
      }
    });
    const stalled = await monitor.runCycle();
    expect(stalled.status.servers.map((s) => s.up)).toEqual([true, true, false]);
    expect(stalled.status.servers[2]?.error).toMatch(/gave no answer within 5000 ms/);
    // While its observation still hangs, later cycles skip host B instead of piling up on it.
    expect((await monitor.runCycle()).status.servers.map((s) => s.up)).toEqual([true, true, false]);
    process.kill(hostB.sandbox.serverPid, 'SIGCONT');
    await expect.poll(async () => (await monitor.runCycle()).status.servers.map((s) => s.up), { timeout: 60_000, interval: 250 }).toEqual([true, true, true]);
  }, 120_000);
});

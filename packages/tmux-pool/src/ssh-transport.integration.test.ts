import { useSuiteSshHost } from '@tmux-orc/testkit';
import { describe, expect, it, onTestFinished } from 'vitest';
import { capturePanes } from './capture-panes.js';
import { TmuxPoolError } from './errors/tmux-pool-error.js';
import { listPanes } from './list-panes.js';
import { createTmuxConnectionPool } from './pool.js';
import type { TmuxServer } from './server.js';

/** Closes `pool` when the test ends, whatever happened. */
function poolFor(server: TmuxServer, transport: 'auto' | 'exec' = 'auto') {
  const pool = createTmuxConnectionPool({ server, transport, healthCheckIntervalMs: 0, commandTimeoutMs: 10_000 });
  onTestFinished(() => pool.close());
  return pool;
}

describe('a tmux server on another host, over real OpenSSH', () => {
  const host = useSuiteSshHost();
  /** ssh processes of this test's host: the master and its sessions all name the host's control dir. */
  const sshProcesses = () => host().processesMentioning(host().ssh.controlDir);

  it('runs control mode over one SSH session of one master connection, pipelined, and leaves nothing on close', async () => {
    const windows = await Promise.all(Array.from({ length: 12 }, (_, i) => host().sandbox.newWindow(host().sandbox.defaultSession, `agent-${String(i)}`, { command: `echo screen-${String(i)}; exec sleep 600` })));
    const pool = poolFor(host().server);
    const panes = await listPanes(pool);
    expect(panes.map((pane) => pane.id)).toEqual(expect.arrayContaining(windows.map((window) => window.paneId)));
    await expect.poll(async () => [...(await capturePanes(pool, windows.map((w) => w.paneId))).values()].filter((screen) => /screen-\d+/.test(screen ?? '')).length, { timeout: 10_000 }).toBe(12);
    const metrics = pool.metrics();
    expect(metrics.transport).toBe('control');
    expect(metrics.created).toBe(1);
    // The master (ControlPersist) and the control client's session; probes and pings came and went.
    expect(sshProcesses().length).toBeLessThanOrEqual(2);
    expect(pool.clientPids()).toHaveLength(1);
    await pool.close();
    await expect.poll(() => sshProcesses(), { timeout: 10_000 }).toEqual([]);
  });

  it('keeps names with quotes, `;` and `$` literal through the remote shell, on control and exec', async () => {
    const name = `it's; echo pwned`;
    await host().sandbox.newSession(name, { command: 'exec sleep 600' });
    const text = `a'b $HOME "c" \`id\` ; tab\there`;
    for (const transport of ['auto', 'exec'] as const) {
      const pool = poolFor(host().server, transport);
      const sessions = await pool.run(['list-sessions', '-F', '#{session_name}']);
      expect(sessions).toContain(name);
      expect(await pool.run(['display-message', '-p', '-t', `=${name}:`, '#{session_name}'])).toEqual([name]);
      expect(await pool.run(['display-message', '-p', text])).toEqual([text]);
      expect(pool.transport).toBe(transport === 'exec' ? 'exec' : 'control');
    }
  });

  it('runs the exec fallback over the shared master: many commands, one TCP connection', async () => {
    const pool = poolFor(host().server, 'exec');
    const replies = await Promise.all(Array.from({ length: 20 }, () => pool.run(['display-message', '-p', '#{socket_path}'])));
    expect(new Set(replies.flat())).toEqual(new Set([host().sandbox.socketPath]));
    // Only the master outlives the commands.
    await expect.poll(() => sshProcesses().length, { timeout: 10_000 }).toBe(1);
    await pool.close();
    await expect.poll(() => sshProcesses(), { timeout: 10_000 }).toEqual([]);
  });

  it('reports a host whose sshd died as gone (not as "no control mode"), and reconnects with one new connection', async () => {
    const pool = poolFor(host().server);
    await pool.run(['list-sessions']);
    await host().killSshd();
    const error = await pool.run(['list-sessions']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TmuxPoolError);
    expect((error as TmuxPoolError).code).toBe('TMUX_SERVER_GONE');
    expect((error as TmuxPoolError).message).toMatch(/unreachable: .*Connection refused/);
    expect(pool.transport).toBe('control');
    await host().restartSshd();
    expect(await pool.run(['display-message', '-p', 'back'])).toEqual(['back']);
    expect(pool.metrics().created).toBe(2);
    expect(pool.clientPids()).toHaveLength(1);
  });
});

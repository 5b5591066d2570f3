import { execFileSync } from 'node:child_process';
import { useTmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it, vi } from 'vitest';
import { capturePanes } from './capture-panes.js';
import { TmuxInvalidOptionError } from './errors/invalid-option-error.js';
import { TmuxAcquireTimeoutError } from './errors/tmux-acquire-timeout-error.js';
import { TmuxServerGoneError } from './errors/tmux-server-gone-error.js';
import { listPanes } from './list-panes.js';
import type { Logger } from './logger.js';
import { createTmuxConnectionPool } from './pool.js';

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const ignore = (): void => {};
  return { warnings, debug: ignore, info: ignore, error: ignore, warn: (message) => warnings.push(message) };
}

describe('TmuxConnectionPool on a real tmux server', () => {
  it('pipelines through few connections and counts what it does', async () => {
    const sandbox = await useTmuxSandbox();
    await using pool = createTmuxConnectionPool({ server: sandbox.server });
    const replies = await Promise.all(Array.from({ length: 300 }, (_, i) => pool.run(['display-message', '-p', `n${i}`])));
    expect(replies.map((lines) => lines[0])).toEqual(Array.from({ length: 300 }, (_, i) => `n${i}`));
    const metrics = pool.metrics();
    expect(metrics.transport).toBe('control');
    expect(metrics.size).toBeGreaterThanOrEqual(1);
    expect(metrics.size).toBeLessThanOrEqual(4);
    expect(metrics).toMatchObject({ commands: 300, acquisitions: 300, errors: 0, in_flight: 0, acquisition_timeouts: 0 });
    expect(metrics.created + metrics.reused).toBeGreaterThanOrEqual(300);
  });

  it('hands commands to the least-loaded connection, growing only up to maxSize', async () => {
    const sandbox = await useTmuxSandbox();
    {
      await using pool = createTmuxConnectionPool({ server: sandbox.server, maxSize: 3, growAtInFlight: 1 });
      await Promise.all(Array.from({ length: 60 }, () => pool.run(['display-message', '-p', 'x'])));
      expect(pool.metrics().created).toBe(3);
      expect(pool.clientPids()).toHaveLength(3);
    }
    // Leaving the block disposed of the pool: it ended every control client.
    expect((await sandbox.tmux('list-clients')).trim()).toBe('');
  });

  it('gives a vanished pane null while capturing the others', async () => {
    const sandbox = await useTmuxSandbox();
    await using pool = createTmuxConnectionPool({ server: sandbox.server });
    const a = await sandbox.newWindow(sandbox.defaultSession, 'a', { command: 'echo alpha; exec sleep 600' });
    const b = await sandbox.newWindow(sandbox.defaultSession, 'b', { command: 'exec sleep 600' });
    await sandbox.waitForScreen(a.paneId, /alpha/);
    const capture = capturePanes(pool, [a.paneId, b.paneId, a.paneId]);
    await sandbox.tmux('kill-pane', '-t', b.paneId);
    const screens = await capture;
    expect(screens.get(a.paneId)).toContain('alpha');
    const again = await capturePanes(pool, [a.paneId, b.paneId]);
    expect(again.get(b.paneId)).toBeNull();
    expect(again.get(a.paneId)).toContain('alpha');
  });

  it('fails in-flight commands with TmuxServerGoneError when the server dies, hangs none, and recovers after a restart', async () => {
    const sandbox = await useTmuxSandbox();
    await using pool = createTmuxConnectionPool({ server: sandbox.server, commandTimeoutMs: 3000 });
    await pool.run(['display-message', '-p', 'up']);
    process.kill(sandbox.serverPid, 'SIGSTOP');
    const inFlight = Array.from({ length: 50 }, (_, i) => pool.run(['display-message', '-p', `${i}`]).then(
      () => 'answered',
      (error: unknown) => error,
    ));
    process.kill(sandbox.serverPid, 'SIGKILL');
    const outcomes = await Promise.all(inFlight);
    for (const outcome of outcomes) expect(outcome).toBeInstanceOf(TmuxServerGoneError);
    await expect(pool.run(['display-message', '-p', 'down'])).rejects.toBeInstanceOf(TmuxServerGoneError);
    await expect(listPanes(pool)).rejects.toBeInstanceOf(TmuxServerGoneError);

    execFileSync('tmux', ['-L', sandbox.socketName, '-f', '/dev/null', 'new-session', '-d', '-s', 'reborn', 'sleep 600']);
    expect(await pool.run(['display-message', '-p', 'back'])).toEqual(['back']);
    expect((await listPanes(pool)).map((pane) => pane.session)).toEqual(['reborn']);
    expect(pool.metrics().transport).toBe('control');
    expect(pool.metrics().recycled).toBeGreaterThanOrEqual(1);
  });

  it('replaces a control client killed with SIGKILL', async () => {
    const sandbox = await useTmuxSandbox();
    await using pool = createTmuxConnectionPool({ server: sandbox.server });
    await pool.run(['display-message', '-p', 'first']);
    const [pid] = pool.clientPids();
    process.kill(pid ?? 0, 'SIGKILL');
    await vi.waitFor(() => expect(pool.metrics().size).toBe(0));
    expect(await pool.run(['display-message', '-p', 'second'])).toEqual(['second']);
    expect(pool.clientPids()).not.toContain(pid);
    expect(pool.metrics()).toMatchObject({ created: 2, recycled: 1, transport: 'control' });
  });

  it('answers an empty server with no panes instead of throwing', async () => {
    const sandbox = await useTmuxSandbox();
    await sandbox.tmux('set-option', '-g', 'exit-empty', 'off');
    await sandbox.tmux('kill-session', '-a');
    await sandbox.tmux('kill-session');
    await using pool = createTmuxConnectionPool({ server: sandbox.server });
    expect(await listPanes(pool)).toEqual([]);
    expect(pool.metrics().transport).toBe('control');
  });

  it('falls back to one process per command when control mode cannot start, and says so once', async () => {
    const sandbox = await useTmuxSandbox();
    const logger = recordingLogger();
    await using pool = createTmuxConnectionPool({ server: sandbox.server, controlTmuxPath: '/nonexistent/tmux', logger });
    const replies = await Promise.all(Array.from({ length: 5 }, (_, i) => pool.run(['display-message', '-p', `e${i}`])));
    expect(replies).toEqual(Array.from({ length: 5 }, (_, i) => [`e${i}`]));
    expect((await listPanes(pool)).length).toBeGreaterThan(0);
    expect(pool.transport).toBe('exec');
    expect(pool.metrics().fallback_reason).toMatch(/cannot start/);
    expect(logger.warnings).toHaveLength(1);
  });

  it('retires connections older than maxAge once they are idle', async () => {
    const sandbox = await useTmuxSandbox();
    let now = 0;
    await using pool = createTmuxConnectionPool({ server: sandbox.server, maxAgeMs: 1000, clock: { now: () => now } });
    await pool.run(['display-message', '-p', 'a']);
    const [first] = pool.clientPids();
    now = 1500;
    await pool.run(['display-message', '-p', 'b']);
    expect(pool.clientPids()).not.toContain(first);
    expect(pool.metrics()).toMatchObject({ created: 2, recycled: 1 });
  });

  it('times out an acquisition when every connection is at capacity, and counts it', async () => {
    const sandbox = await useTmuxSandbox();
    await using pool = createTmuxConnectionPool({ server: sandbox.server, maxSize: 1, maxInFlightPerConnection: 1, acquireTimeoutMs: 200, commandTimeoutMs: 5000 });
    try {
      await pool.warmUp();
      process.kill(sandbox.serverPid, 'SIGSTOP');
      const first = pool.run(['display-message', '-p', 'held']);
      await expect(pool.run(['display-message', '-p', 'waits'])).rejects.toBeInstanceOf(TmuxAcquireTimeoutError);
      expect(pool.metrics()).toMatchObject({ acquisition_timeouts: 1, in_flight: 1 });
      process.kill(sandbox.serverPid, 'SIGCONT');
      await expect(first).resolves.toEqual(['held']);
    } finally {
      process.kill(sandbox.serverPid, 'SIGCONT');
    }
  });

  it('pings idle connections and replaces one that stops answering', async () => {
    const sandbox = await useTmuxSandbox();
    await using pool = createTmuxConnectionPool({ server: sandbox.server, healthCheckIntervalMs: 100, commandTimeoutMs: 300 });
    try {
      await pool.warmUp();
      const [stale] = pool.clientPids();
      process.kill(sandbox.serverPid, 'SIGSTOP');
      await vi.waitFor(() => expect(pool.metrics().recycled).toBeGreaterThanOrEqual(1), { timeout: 3000 });
      process.kill(sandbox.serverPid, 'SIGCONT');
      expect(await pool.run(['display-message', '-p', 'fresh'])).toEqual(['fresh']);
      expect(pool.clientPids()).not.toContain(stale);
    } finally {
      process.kill(sandbox.serverPid, 'SIGCONT');
    }
  });

  it('rejects invalid options naming the option, the expectation and the value', () => {
    expect(() => createTmuxConnectionPool({ server: { socketName: 'x' }, maxSize: 0 })).toThrow(
      new TmuxInvalidOptionError('maxSize', 'a positive integer', 0),
    );
    expect(() => createTmuxConnectionPool({ server: { socketName: 'x' }, minSize: 5, maxSize: 2 })).toThrow(
      'Expected the `minSize` option to be at most maxSize (2), got `5`',
    );
  });
});

import { existsSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createManualClock } from '@tmux-orc/clock';
import { useTmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { silentAttachTmux, useAttachMarker } from './__fixtures__/silent-attach.js';
import { TmuxAcquireTimeoutError } from './errors/tmux-acquire-timeout-error.js';
import { listPanes } from './list-panes.js';
import { createTmuxConnectionPool } from './pool.js';

/** Resumes the sandbox's server even when an assertion failed while it was stopped. */
function stopServer(pid: number): void {
  process.kill(pid, 'SIGSTOP');
  onTestFinished(() => {
    try {
      process.kill(pid, 'SIGCONT');
    } catch {
      // The server is gone already.
    }
  });
}

/** Lets pending promise callbacks and I/O run, without moving any clock. */
async function settleTurns(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await nextTurn();
}

describe('TmuxConnectionPool driven by a manual clock', () => {
  it('times an acquisition out when the clock passes acquireTimeoutMs, not before', async () => {
    const sandbox = await useTmuxSandbox();
    const clock = createManualClock();
    const options = { maxSize: 1, maxInFlightPerConnection: 1, acquireTimeoutMs: 5000, commandTimeoutMs: 60_000, healthCheckIntervalMs: 0 };
    await using pool = createTmuxConnectionPool({ server: sandbox.server, ...options, clock, timers: clock });
    await pool.warmUp();
    stopServer(sandbox.serverPid);
    const held = pool.run(['display-message', '-p', 'held']);
    let waited: unknown = 'pending';
    const waits = pool.run(['display-message', '-p', 'waits']).catch((error: unknown) => (waited = error));
    // The held command's timeout and the waiting acquisition's deadline.
    await vi.waitFor(() => expect(clock.pendingTimers()).toBe(2));
    clock.advance(4999);
    await settleTurns();
    expect(waited).toBe('pending');
    clock.advance(1);
    await waits;
    expect(waited).toBeInstanceOf(TmuxAcquireTimeoutError);
    expect(pool.metrics()).toMatchObject({ acquisition_timeouts: 1, in_flight: 1, size: 1 });
    process.kill(sandbox.serverPid, 'SIGCONT');
    await expect(held).resolves.toEqual(['held']);
  });

  it('reading metrics closes nothing: a connection past maxAge is retired by the next acquisition', async () => {
    const sandbox = await useTmuxSandbox();
    const clock = createManualClock();
    await using pool = createTmuxConnectionPool({ server: sandbox.server, maxAgeMs: 1000, healthCheckIntervalMs: 0, clock });
    await pool.run(['display-message', '-p', 'a']);
    const [first] = pool.clientPids();
    clock.advance(1500);
    expect(pool.metrics()).toMatchObject({ size: 1, recycled: 0 });
    expect(pool.metrics()).toMatchObject({ size: 1, recycled: 0 });
    expect(pool.clientPids()).toEqual([first]);
    await pool.run(['display-message', '-p', 'b']);
    expect(pool.clientPids()).not.toContain(first);
    expect(pool.metrics()).toMatchObject({ created: 2, recycled: 1 });
  });

  it('counts why each acquisition got the exec transport', async () => {
    const sandbox = await useTmuxSandbox();
    {
      await using requested = createTmuxConnectionPool({ server: sandbox.server, transport: 'exec' });
      await requested.run(['display-message', '-p', 'x']);
      expect(requested.metrics().exec_acquisitions).toEqual({ requested: 1, fallback: 0, no_sessions: 0 });
    }
    {
      // A control client that never attaches: the manual clock ends its attach, the pool falls back.
      const clock = createManualClock();
      const marker = useAttachMarker();
      onTestFinished(() => marker.remove());
      await using fallback = createTmuxConnectionPool({ server: sandbox.server, controlTmuxPath: silentAttachTmux, healthCheckIntervalMs: 0, timers: clock });
      const reply = fallback.run(['display-message', '-p', 'y']);
      await vi.waitFor(() => expect(existsSync(marker.path)).toBe(true));
      clock.advance(5000);
      await expect(reply).resolves.toEqual(['y']);
      await fallback.run(['display-message', '-p', 'z']);
      expect(fallback.metrics()).toMatchObject({ transport: 'exec', fallback_reason: expect.stringMatching(/attach/), created: 0 });
      expect(fallback.metrics().exec_acquisitions).toEqual({ requested: 0, fallback: 2, no_sessions: 0 });
    }
    await sandbox.tmux('set-option', '-g', 'exit-empty', 'off');
    await sandbox.tmux('kill-session', '-a');
    await sandbox.tmux('kill-session');
    await using empty = createTmuxConnectionPool({ server: sandbox.server });
    expect(await listPanes(empty)).toEqual([]);
    expect(empty.metrics()).toMatchObject({ transport: 'control', exec_acquisitions: { requested: 0, fallback: 0, no_sessions: 1 } });
  });
});

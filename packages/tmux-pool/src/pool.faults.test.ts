import { useTmuxSandbox } from '@tmux-orc/testkit';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TmuxPoolError } from './errors/tmux-pool-error.js';
import { createTmuxConnectionPool } from './pool.js';

const COMMAND_TIMEOUT_MS = 400;

/** Outcome of one command: its reply, or the error's class name and how long it took. */
async function timed(run: () => Promise<string[]>): Promise<{ ok: boolean; error: string; ms: number }> {
  const started = performance.now();
  try {
    await run();
    return { ok: true, error: '', ms: performance.now() - started };
  } catch (error) {
    return { ok: false, error: error instanceof TmuxPoolError ? error.code : String(error), ms: performance.now() - started };
  }
}

describe('TmuxConnectionPool faults', () => {
  it('a stalled server (SIGSTOP) fails commands within the timeout and never demotes the pool to exec', async () => {
    const sandbox = await useTmuxSandbox();
    // A failed assertion must not leave a stopped server behind (kill-server would wait for it).
    onTestFinished(() => {
      try {
        process.kill(sandbox.serverPid, 'SIGCONT');
      } catch {
        // The server is gone already.
      }
    });
    const pool = createTmuxConnectionPool({ server: sandbox.server, commandTimeoutMs: COMMAND_TIMEOUT_MS, healthCheckIntervalMs: 0 });
    try {
      expect(await pool.run(['display-message', '-p', 'before'])).toEqual(['before']);
      const firstClient = pool.clientPids()[0];
      process.kill(sandbox.serverPid, 'SIGSTOP');
      try {
        // The open client times out; the next commands need a new client while the server still sleeps.
        const outcomes = [];
        for (let i = 0; i < 3; i += 1) outcomes.push(await timed(() => pool.run(['display-message', '-p', `stalled ${i}`])));
        // Each fails as a timeout, and none waits past the command timeout (the probe of the
        // server is bounded by it too); 500 ms is scheduling slack on a busy machine.
        for (const outcome of outcomes) {
          expect(outcome).toMatchObject({ ok: false, error: 'TMUX_TIMEOUT' });
          expect(outcome.ms).toBeLessThan(COMMAND_TIMEOUT_MS + 500);
        }
        // A stall is the server's fault, not control mode's: no switch to one process per command.
        expect(pool.transport).toBe('control');
      } finally {
        process.kill(sandbox.serverPid, 'SIGCONT');
      }
      expect(await pool.run(['display-message', '-p', 'after'])).toEqual(['after']);
      const metrics = pool.metrics();
      expect(metrics).toMatchObject({ transport: 'control', fallback_reason: null });
      expect(metrics.recycled).toBeGreaterThanOrEqual(1);
      expect(pool.clientPids()).not.toContain(firstClient);
    } finally {
      await pool.close();
    }
    expect((await sandbox.tmux('list-clients', '-F', '#{client_pid}')).trim()).toBe('');
  });
});

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const soak = fileURLToPath(new URL('../dist/soak.js', import.meta.url));

interface SoakResult {
  readonly pass: boolean;
  readonly missing: number;
  readonly tmux_clients_after_stop: number;
  readonly notify: {
    readonly transitions_into_notified_states: number;
    readonly agent_notifications: number;
    readonly agents_notified: number;
    readonly max_per_agent_per_window_sent: number;
    readonly metrics: readonly string[];
    readonly token_in_logs: boolean;
  };
}

// The 10-minute figure in the README comes from `soak -- --minutes 10 --notify`; this is the same
// script shortened, with a tight policy so the per-agent budget has to bind within a minute.
describe('soak with a webhook channel (shortened)', () => {
  it('a flapping fleet yields at most max_per_agent notifications per agent per window, and never logs the token', async () => {
    const args = ['--minutes', '1', '--agents', '12', '--interval', '1', '--notify', '--notify-max', '2', '--notify-window', '20', '--notify-cooldown', '10', '--notify-rollup', '2', '--notify-escalate', '15', '--json'];
    // A failing soak exits 1 with its JSON on stdout: read it either way, so the assertions say what failed.
    const stdout = await promisify(execFile)(process.execPath, [soak, ...args], { cwd: join(soak, '..'), timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }).then(
      (done) => done.stdout,
      (error: { stdout?: string }) => error.stdout ?? '',
    );
    const result = JSON.parse(stdout) as SoakResult;
    expect(result.notify.max_per_agent_per_window_sent).toBeLessThanOrEqual(2);
    // The fleet flapped much more than it was allowed to notify: the budget is what held it.
    expect(result.notify.transitions_into_notified_states).toBeGreaterThan(result.notify.agent_notifications);
    expect(result.notify.agents_notified).toBe(12);
    expect(result.notify.token_in_logs).toBe(false);
    expect(result.notify.metrics.some((line) => /^tmux_orc_notifications_suppressed_total\{channel="soak",reason="budget"\} [1-9]/.test(line))).toBe(true);
    expect(result.tmux_clients_after_stop).toBe(0);
    expect(result.pass).toBe(true);
  }, 360_000);
});

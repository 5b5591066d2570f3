import { createTmuxSandbox } from '@tmux-orc/sim-fleet';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startBenchFleet } from './bench-fleet.js';
import { measureLive } from './measure-live.js';

describe('measureLive runs the real daemon (apps/cli built)', () => {
  it.each(['events', 'sync'] as const)('%s: times each probe to its transition on /events, measures the daemon, and stops it', async (mode) => {
    const sandbox = await createTmuxSandbox({ width: 120, height: 40 });
    onTestFinished(() => sandbox.kill());
    const agents = await startBenchFleet(sandbox, 6, { printing: 0.2, waiting: 0 });
    const clientsBefore = (await sandbox.tmux('list-clients', '-F', '#{client_pid}')).trim();
    const result = await measureLive(mode, {
      intervalMs: 1000,
      probes: agents.slice(-2).map((agent) => agent.id),
      probeTimeoutMs: 30_000,
      idleMs: 3000,
      tmux: (...args) => sandbox.tmux(...args),
      serverPid: sandbox.serverPid,
      socketName: sandbox.socketName,
      agents: agents.length,
    });
    expect(result.latency_ms).toMatchObject({ probes: 2, missed: 0 });
    expect(result.latency_ms.p50).toBeGreaterThan(0);
    expect(result.latency_ms.max).toBeGreaterThanOrEqual(result.latency_ms.p95);
    // The daemon ran cycles during the idle stretch, and its RSS is a Node process's, not ours.
    expect(result.idle?.cycles).toBeGreaterThan(0);
    expect(result.idle?.rss_mb).toBeGreaterThan(20);
    expect(result.idle?.rss_mb).toBeGreaterThanOrEqual(result.idle?.rss_start_mb ?? Infinity);
    // /proc counts 10 ms ticks: an events daemon watching 6 agents may not use one in 3 s; sync does.
    if (mode === 'sync') expect(result.idle?.cpu_pct).toBeGreaterThan(0);
    else expect(result.idle?.cpu_pct).toBeGreaterThanOrEqual(0);
    // Stopped: no client of the daemon is left on the server.
    await expect.poll(async () => (await sandbox.tmux('list-clients', '-F', '#{client_pid}')).trim(), { timeout: 10_000 }).toBe(clientsBefore);
  }, 120_000);
});

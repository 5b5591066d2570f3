import { setTimeout as sleep } from 'node:timers/promises';
import type { ModeSession } from './bench-modes.js';
import { readCpuTimes } from './proc-stat.js';
import { percentile, round } from './statistics.js';

/** How a mode is run as a daemon would run it, to measure detection latency and idle cost. */
export interface LiveOptions {
  /** The daemon's check interval (ms). */
  readonly intervalMs: number;
  /** Idle agents whose screen is switched to an approval prompt, one after another. */
  readonly probes: readonly string[];
  /** How long a probe may stay unseen before it counts as missed (ms). */
  readonly probeTimeoutMs: number;
  /** Length of the idle-cost measurement (ms); 0 skips it. */
  readonly idleMs: number;
  /** Runs a tmux command on the bench server (to switch a probe's screen). */
  readonly tmux: (...args: string[]) => Promise<string>;
  readonly serverPid: number;
}

/** Detection latency and the daemon's cost over a quiet stretch, in the benchmark's JSON shape. */
export interface LiveResult {
  /** Screen switched → the first cycle that observed `waiting_input` ended (ms); no debounce involved. */
  readonly latency_ms: { readonly p50: number; readonly p95: number; readonly max: number; readonly probes: number; readonly missed: number };
  /** Over `idleMs` of daemon-like cycles: our CPU and the tmux server's, in % of one core. */
  readonly idle: { readonly seconds: number; readonly cpu_pct: number; readonly tmux_cpu_pct: number; readonly rss_mb: number } | null;
}

const cpuMs = (pid: number | 'self'): number => {
  const times = readCpuTimes(pid);
  return times === null ? 0 : times.selfMs + times.childrenMs;
};

/**
 * Runs `session` like the daemon (a cycle every `intervalMs`, and at once when the mode hears of a
 * change from tmux), switches each probe's screen at a random point of the interval, and times
 * how long until a cycle reports it. Then, if asked, measures CPU over `idleMs` of the same loop.
 */
export async function measureLive(session: ModeSession, options: LiveOptions): Promise<LiveResult> {
  const waiting = new Map<string, { readonly since: number; readonly seen: (ms: number) => void }>();
  let changed = false;
  let wake: (() => void) | undefined;
  session.onChange?.(() => {
    changed = true;
    wake?.();
  });
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      changed = false;
      await session.cycle();
      const ended = performance.now();
      for (const [paneId, probe] of waiting) {
        if (session.stateOf(paneId) !== 'waiting_input') continue;
        waiting.delete(paneId);
        probe.seen(ended - probe.since);
      }
      if (changed || !running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, options.intervalMs - (ended - started)));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();
  try {
    const latencies: number[] = [];
    let missed = 0;
    for (const paneId of options.probes) {
      await sleep(Math.random() * options.intervalMs);
      const seen = new Promise<number | undefined>((resolve) => {
        const timer = setTimeout(() => resolve(undefined), options.probeTimeoutMs);
        waiting.set(paneId, { since: performance.now(), seen: (ms) => (clearTimeout(timer), resolve(ms)) });
      });
      await options.tmux('send-keys', '-t', paneId, '-l', 'screen waiting_input-write-approval', ';', 'send-keys', '-t', paneId, 'Enter');
      const ms = await seen;
      waiting.delete(paneId);
      if (ms === undefined) missed += 1;
      else latencies.push(ms);
    }
    for (const paneId of options.probes) await options.tmux('send-keys', '-t', paneId, '-l', 'screen idle-replied', ';', 'send-keys', '-t', paneId, 'Enter');
    let idle: LiveResult['idle'] = null;
    if (options.idleMs > 0) {
      const ours = cpuMs('self');
      const theirs = readCpuTimes(options.serverPid)?.selfMs ?? 0;
      const started = performance.now();
      await sleep(options.idleMs);
      const spent = performance.now() - started;
      const tmuxMs = (readCpuTimes(options.serverPid)?.selfMs ?? 0) - theirs;
      idle = { seconds: round(spent / 1000, 1), cpu_pct: round(((cpuMs('self') - ours) / spent) * 100), tmux_cpu_pct: round((tmuxMs / spent) * 100), rss_mb: round(process.memoryUsage().rss / 1024 / 1024, 1) };
    }
    const stat = (p: number): number => round(percentile(latencies, p));
    return { latency_ms: { p50: stat(50), p95: stat(95), max: latencies.length === 0 ? Number.NaN : round(Math.max(...latencies)), probes: options.probes.length, missed }, idle };
  } finally {
    running = false;
    wake?.();
    await loop;
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import type { MonitoredPane } from '@tmux-orc/strategies';
import type { PoolMetrics, TmuxServer } from '@tmux-orc/tmux-pool';
import type { BenchMode } from './bench-modes.js';
import type { LiveResult } from './measure-live.js';
import { readCpuTimes } from './proc-stat.js';
import { percentile, round } from './statistics.js';

/** How long and how often each mode is measured. */
export interface MeasureOptions {
  /** Cycles run and thrown away first… */
  readonly warmupCycles: number;
  /**
   * …and, for modes that remember earlier cycles (`BenchMode.remembers`: adaptive, events), for at
   * least this long (ms). Past the monitor's 10 s debounce, counted from the last look at a
   * fleet that has just printed its screens (panes looked at within their activity second are looked
   * at again, for up to 2–3 s), agents seen first as `active` have been looked at again and turned
   * idle: a burst of every pane once after start, not what a cycle costs (it made adaptive and events
   * look 10x dearer at 0% printing; 11 s still caught it at times).
   */
  readonly warmupMs: number;
  /** Cycles measured at least… */
  readonly minCycles: number;
  /** …and at most. */
  readonly maxCycles: number;
  /** Measuring stops after this much cycle time once `minCycles` are done. */
  readonly budgetMs: number;
  /** Pause between cycles (ms), as a monitor's interval would leave: lets printing panes move. */
  readonly spacingMs: number;
  /** Checks in flight at once (p-limit) for the concurrent and adaptive strategies; undefined for their defaults. */
  readonly concurrency: number | undefined;
  /** Most control-mode connections of the pool. */
  readonly poolSize: number;
}

/** One mode's measurements, in the benchmark's JSON shape. */
export interface ModeResult {
  readonly mode: BenchMode['name'];
  readonly cycles: number;
  readonly cycle_ms: { readonly p50: number; readonly p95: number; readonly max: number };
  readonly processes_per_cycle: number;
  readonly captures_per_cycle: number;
  readonly cpu_ms_per_cycle: number;
  readonly tmux_cpu_ms_per_cycle: number;
  readonly rss_mb: number;
  readonly pool: PoolMetrics | null;
  readonly cache: Record<string, unknown> | null;
  /** Detection latency and idle cost of the real daemon configured as this mode (`--live`), null when not measured. */
  readonly live: LiveResult | null;
  /** Why the `--live` daemon of this mode gave no figures, when it failed. */
  readonly live_error?: string;
}

function ourCpuMs(): number {
  const times = readCpuTimes('self');
  return times === null ? 0 : times.selfMs + times.childrenMs;
}

function tmuxCpuMs(serverPid: number): number {
  return readCpuTimes(serverPid)?.selfMs ?? 0;
}

/**
 * Measures full cycles of one mode. CPU comes from /proc (10 ms ticks, so it is summed over all
 * cycles before dividing): ours includes the tmux client processes we started and waited for.
 */
export async function measureMode(
  mode: BenchMode,
  server: TmuxServer,
  serverPid: number,
  agents: readonly MonitoredPane[],
  options: MeasureOptions,
  onCycle: (done: number) => void = () => {},
): Promise<ModeResult> {
  const session = await mode.setUp(server, agents, { concurrency: options.concurrency, poolSize: options.poolSize });
  try {
    const warmingSince = performance.now();
    const warmupMs = mode.remembers === true ? options.warmupMs : 0;
    for (let i = 0; i < options.warmupCycles || performance.now() - warmingSince < warmupMs; i += 1) {
      await session.cycle();
      await sleep(options.spacingMs);
    }
    const times: number[] = [];
    let captures = 0;
    let spent = 0;
    const processesBefore = session.processesStarted();
    const cpuBefore = ourCpuMs();
    const tmuxBefore = tmuxCpuMs(serverPid);
    while (times.length < options.maxCycles && (times.length < options.minCycles || spent < options.budgetMs)) {
      const started = performance.now();
      captures += await session.cycle();
      const elapsed = performance.now() - started;
      times.push(elapsed);
      spent += elapsed;
      onCycle(times.length);
      await sleep(options.spacingMs);
    }
    const cycles = times.length;
    const { pool, cache } = session.stats();
    const rssMb = round(process.memoryUsage().rss / 1024 / 1024, 1);
    const tmuxMs = tmuxCpuMs(serverPid) - tmuxBefore;
    const ourMs = ourCpuMs() - cpuBefore;
    return {
      mode: mode.name,
      cycles,
      cycle_ms: { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(Math.max(...times)) },
      processes_per_cycle: round((session.processesStarted() - processesBefore) / cycles),
      captures_per_cycle: round(captures / cycles),
      cpu_ms_per_cycle: round(ourMs / cycles),
      tmux_cpu_ms_per_cycle: round(tmuxMs / cycles),
      rss_mb: rssMb,
      pool,
      cache,
      live: null,
    };
  } finally {
    await session.tearDown();
  }
}

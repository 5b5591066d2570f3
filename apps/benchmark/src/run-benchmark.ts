import type { TmuxSandbox } from '@tmux-orc/sim-fleet';
import { createTmuxSandbox } from '@tmux-orc/sim-fleet';
import { allModes } from './all-modes.js';
import type { BenchMode } from './bench-modes.js';
import { type BenchReport, buildReport } from './bench-report.js';
import { startBenchFleet } from './bench-fleet.js';
import { type MeasureOptions, measureMode } from './measure-mode.js';
import { measureLive } from './measure-live.js';
import { readCpuTimes } from './proc-stat.js';
import { round } from './statistics.js';

/** How `--live` runs each mode. */
export interface LiveSettings {
  readonly intervalMs: number;
  /** Probes (screen switches) per mode. */
  readonly probes: number;
  readonly idleMs: number;
  /** Modes whose idle cost is measured (it takes `idleMs` each). */
  readonly idleModes: readonly string[];
}

/** Options of {@link runBenchmark}. */
export interface RunBenchmarkOptions {
  /** Fleet sizes to measure, each on a fresh private tmux server. */
  readonly agents: readonly number[];
  /** Modes to compare (default: all five). */
  readonly modes?: readonly BenchMode[];
  readonly measure?: Partial<MeasureOptions>;
  /** Called as work progresses: total steps and steps done. */
  readonly onProgress?: (done: number, total: number, label: string) => void;
  /** Told the socket name of each private tmux server as it starts (for logs and tests). */
  readonly onServer?: (socketName: string) => void;
  /** Also run each mode as the real daemon (`apps/cli` built): detection latency, and idle CPU and RSS for `idleModes`. */
  readonly live?: LiveSettings;
  /** Share of agents printing continuously (default 0.05). */
  readonly printing?: number;
  /** Aborts between cycles (Ctrl-C); the server is still torn down. */
  readonly signal?: AbortSignal;
}

const defaults: MeasureOptions = { warmupCycles: 2, warmupMs: 15_000, minCycles: 5, maxCycles: 40, budgetMs: 4000, spacingMs: 250, concurrency: undefined, poolSize: 4 };

/**
 * Measures every mode side by side for each fleet size, on its own private tmux server which is
 * always killed, also when a mode throws or the run is aborted.
 */
export async function runBenchmark(options: RunBenchmarkOptions): Promise<BenchReport[]> {
  const modes = options.modes ?? allModes;
  const measure = { ...defaults, ...options.measure };
  const reports: BenchReport[] = [];
  const total = options.agents.length * modes.length;
  let done = 0;
  for (const count of options.agents) {
    let sandbox: TmuxSandbox | undefined;
    const kill = (): void => {
      void sandbox?.kill();
    };
    options.signal?.addEventListener('abort', kill, { once: true });
    try {
      sandbox = await createTmuxSandbox({ width: 120, height: 40 });
      options.onServer?.(sandbox.socketName);
      options.onProgress?.(done, total, `${count} agents: starting`);
      const agents = await startBenchFleet(sandbox, count, { printing: options.printing ?? 0.05, waiting: 0.05 });
      const baseline = options.live === undefined ? null : await tmuxBaselinePct(sandbox.serverPid);
      const results = [];
      for (const [index, mode] of modes.entries()) {
        if (options.signal?.aborted) throw new Error('benchmark aborted');
        options.onProgress?.(done, total, `${count} agents: ${mode.name}`);
        const result = await measureMode(mode, sandbox.server, sandbox.serverPid, agents, measure, (cycles) =>
          options.onProgress?.(done, total, `${count} agents: ${mode.name} cycle ${cycles}`),
        );
        // The real daemon runs once the mode's in-process session is torn down: nothing else of ours watches tmux then.
        const live = liveRun(options.live, index, mode.name, agents, sandbox);
        if (live !== undefined) options.onProgress?.(done, total, `${count} agents: ${mode.name} daemon`);
        // A daemon that fails (one that never reports the whole fleet in time: exec at 1000 agents on
        // a loaded machine) is recorded for its mode; the other modes and sizes still run.
        const measured = live === undefined ? null : await live().catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
        results.push(measured !== null && 'error' in measured ? { ...result, live: null, live_error: measured.error } : { ...result, live: measured });
        done += 1;
      }
      reports.push({ ...buildReport(count, results, new Date()), tmux_baseline_pct: baseline });
    } finally {
      options.signal?.removeEventListener('abort', kill);
      await sandbox?.kill();
    }
  }
  options.onProgress?.(done, total, 'done');
  return reports;
}

/** The tmux server's own CPU (% of a core) over 10 s with no monitor: the fleet's printing agents. */
async function tmuxBaselinePct(serverPid: number): Promise<number> {
  const before = readCpuTimes(serverPid)?.selfMs ?? 0;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  return round((((readCpuTimes(serverPid)?.selfMs ?? 0) - before) / (performance.now() - started)) * 100);
}

/** The live measurement of the `index`-th mode (the real daemon): its own idle agents as probes, from the end of the fleet. */
function liveRun(live: LiveSettings | undefined, index: number, name: BenchMode['name'], agents: readonly { id: string }[], sandbox: TmuxSandbox) {
  // The floor classifies nothing: there is no daemon like it.
  if (live === undefined || name === 'floor') return undefined;
  const probes = agents.slice(0, agents.length - index * live.probes).slice(-live.probes).map((agent) => agent.id);
  return () =>
    measureLive(name, {
      intervalMs: live.intervalMs,
      probes,
      probeTimeoutMs: Math.max(60_000, 10 * live.intervalMs),
      idleMs: live.idleModes.includes(name) ? live.idleMs : 0,
      tmux: (...args) => sandbox.tmux(...args),
      serverPid: sandbox.serverPid,
      socketName: sandbox.socketName,
      agents: agents.length,
    });
}

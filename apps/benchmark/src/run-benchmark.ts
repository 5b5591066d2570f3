import type { TmuxSandbox } from '@tmux-orc/sim-fleet';
import { createTmuxSandbox } from '@tmux-orc/sim-fleet';
import { type BenchMode, allModes } from './bench-modes.js';
import { type BenchReport, buildReport } from './bench-report.js';
import { startBenchFleet } from './bench-fleet.js';
import { type MeasureOptions, measureMode } from './measure-mode.js';

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
  /** Aborts between cycles (Ctrl-C); the server is still torn down. */
  readonly signal?: AbortSignal;
}

const defaults: MeasureOptions = { warmupCycles: 2, minCycles: 5, maxCycles: 40, budgetMs: 4000, spacingMs: 250, concurrency: undefined, poolSize: 4 };

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
      const agents = await startBenchFleet(sandbox, count);
      const results = [];
      for (const mode of modes) {
        if (options.signal?.aborted) throw new Error('benchmark aborted');
        options.onProgress?.(done, total, `${count} agents: ${mode.name}`);
        results.push(
          await measureMode(mode, sandbox.server, sandbox.serverPid, agents, measure, (cycles) =>
            options.onProgress?.(done, total, `${count} agents: ${mode.name} cycle ${cycles}`),
          ),
        );
        done += 1;
      }
      reports.push(buildReport(count, results, new Date()));
    } finally {
      options.signal?.removeEventListener('abort', kill);
      await sandbox?.kill();
    }
  }
  options.onProgress?.(done, total, 'done');
  return reports;
}

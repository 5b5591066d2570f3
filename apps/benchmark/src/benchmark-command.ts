import { writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { allModes } from './all-modes.js';
import type { BenchMode } from './bench-modes.js';
import { parseAgentCounts } from './parse-agent-counts.js';
import { renderChart } from './render-chart.js';
import { renderTable } from './render-table.js';
import { runBenchmark } from './run-benchmark.js';
import { runMultiHostCommand } from './multi-host-command.js';

interface BenchmarkOptions {
  agents: string;
  compare?: boolean;
  modes?: string;
  json?: boolean;
  chart?: string;
  cycles?: string;
  concurrency?: string;
  poolSize: string;
  live?: boolean;
  interval: string;
  probes: string;
  idleSeconds: string;
  idleModes: string;
  printing: string;
  hosts?: string;
  rtt: string;
}

/** A number option within `min..max`, or an error naming the option, the range and the value. */
function numberOption(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`Expected --${name} to be a number from ${min} to ${max}, got \`${text}\``);
  return value;
}

/**
 * Adds the benchmark's options and action to `command`: the same code serves `tmux-orc-bench` and
 * `tmux-orc benchmark`.
 */
export function defineBenchmarkCommand(command: Command): Command {
  return command
    .description('measure full monitoring cycles on a private tmux server with simulated agents, every mode side by side')
    .option('--agents <n[,n…]>', 'fleet size(s); a list sweeps', '100')
    .option('--compare', 'compare every mode (sync, async-exec, control, adaptive, events, floor); the default')
    .option('--modes <list>', 'only these modes, comma-separated')
    .option('--cycles <n>', 'measured cycles per mode at least (default 5)')
    .option('--concurrency <n>', 'checks in flight at once (p-limit) for async-exec, control and adaptive (default: 128 over control mode, 20 over exec)')
    .option('--pool-size <n>', 'most control-mode connections (pool maxSize) for control and adaptive', '4')
    .option('--live', 'also run the real daemon (apps/cli built) configured as each mode: detection latency (screen switch to transition on /events), its idle CPU and RSS')
    .option('--interval <ms>', 'check interval of the --live daemon', '2000')
    .option('--probes <n>', 'screen switches timed per mode with --live', '5')
    .option('--idle-seconds <s>', 'idle-cost measurement per mode with --live', '60')
    .option('--idle-modes <list>', 'modes whose idle cost --live measures', 'control,adaptive,events')
    .option('--printing <share>', 'share of agents printing continuously, 0..1', '0.05')
    .option('--json', 'print JSON (an object for one size, an array for a sweep)')
    .option('--chart <file.svg>', 'draw p50 cycle time against agents for every mode (log scale)')
    .option('--hosts <n>', 'instead: N real-sshd hosts on 127.0.0.x with --agents agents each, in parallel, against all of them on one local server')
    .option('--rtt <ms>', 'round trip added to each --hosts host by a delaying proxy', '100')
    .action(async (options: BenchmarkOptions) => {
      if (options.hosts !== undefined) {
        return runMultiHostCommand({
          hosts: numberOption('hosts', options.hosts, 1, 20),
          agentsPerHost: numberOption('agents', options.agents, 1, 2000),
          rttMs: numberOption('rtt', options.rtt, 0, 2000),
          cycles: options.cycles === undefined ? 10 : numberOption('cycles', options.cycles, 1, 1000),
          json: options.json === true,
          mode: { concurrency: options.concurrency === undefined ? undefined : numberOption('concurrency', options.concurrency, 1, 10_000), poolSize: numberOption('pool-size', options.poolSize, 1, 64) },
        });
      }
      const counts = parseAgentCounts(options.agents);
      const modes = selectModes(options.modes);
      const minCycles = options.cycles === undefined ? undefined : Number(options.cycles);
      if (minCycles !== undefined && (!Number.isInteger(minCycles) || minCycles < 1)) throw new Error(`Expected --cycles to be a positive integer, got \`${options.cycles}\``);
      const concurrency = options.concurrency === undefined ? undefined : Number(options.concurrency);
      if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) throw new Error(`Expected --concurrency to be a positive integer, got \`${options.concurrency}\``);
      const poolSize = Number(options.poolSize);
      if (!Number.isInteger(poolSize) || poolSize < 1) throw new Error(`Expected --pool-size to be a positive integer, got \`${options.poolSize}\``);
      const abort = new AbortController();
      const onSignal = (): void => abort.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const bar = new cliProgress.SingleBar(
        { format: ' {bar} {value}/{total} modes | {label}', stream: process.stderr, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(counts.length * modes.length, 0, { label: 'starting' });
      try {
        const reports = await runBenchmark({
          agents: counts,
          modes,
          measure: { concurrency, poolSize, ...(minCycles === undefined ? {} : { minCycles, maxCycles: Math.max(minCycles, 40) }) },
          signal: abort.signal,
          printing: numberOption('printing', options.printing, 0, 0.9),
          ...(options.live
            ? {
                live: {
                  intervalMs: numberOption('interval', options.interval, 100, 60_000),
                  probes: numberOption('probes', options.probes, 1, 50),
                  idleMs: numberOption('idle-seconds', options.idleSeconds, 0, 3600) * 1000,
                  idleModes: options.idleModes.split(',').map((name) => name.trim()),
                },
              }
            : {}),
          onProgress: (done, _total, label) => bar.update(done, { label }),
        });
        bar.stop();
        if (options.chart) writeFileSync(options.chart, renderChart(reports, `tmux-orc cycle time, ${new Date().toISOString().slice(0, 10)}`));
        const [single] = reports;
        if (options.json) process.stdout.write(`${JSON.stringify(reports.length === 1 ? single : reports, null, 2)}\n`);
        else process.stdout.write(renderTable(reports));
      } finally {
        bar.stop();
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
      }
    });
}

function selectModes(list: string | undefined): readonly BenchMode[] {
  if (list === undefined) return allModes;
  return list.split(',').map((name) => {
    const mode = allModes.find((candidate) => candidate.name === name.trim());
    if (mode === undefined) throw new Error(`Expected --modes to name modes among ${allModes.map((m) => m.name).join(', ')}, got \`${name}\``);
    return mode;
  });
}

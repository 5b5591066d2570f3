import type { Command } from 'commander';
import { processIo, type CommandIo } from '../shared/command-io.js';
import type { GlobalConfigOptions } from './config-io.js';
import type { ExplainOptions } from './explain.js';
import type { HealthOptions } from './health.js';
import type { StatusOptions } from './status.js';

/** Registers `tmux-orc status`, `explain`, `health` and `perf watch`: the commands that look without acting. */
export function registerObserveCommands(program: Command, io: CommandIo = processIo()): void {
  program
    .command('status')
    .description('agents with state, since, detector and evidence (from the daemon, or one cycle run here)')
    .option('--detailed', 'add the connection pool, cache per layer and cycle metrics')
    .option('--all', 'treat every pane as an agent (runs a cycle here)')
    .option('--wait', 'without a daemon: look twice, one debounce window apart, as the daemon does')
    .option('--json', 'print JSON')
    .action(async (options: StatusOptions, command: Command) => {
      const loaded = await (await import('./monitor-options.js')).loadMonitorConfig(command.optsWithGlobals<GlobalConfigOptions>(), { all: options.all === true }, io);
      if (loaded === undefined) return void (process.exitCode = 2);
      process.exitCode = await (await import('./status.js')).runStatus(loaded, options, io);
    });

  program
    .command('explain')
    .description('why an agent has its state: detector and why, rule, evidence, rules ruled out, title, process, activity and hook with their age')
    .argument('<agent>', 'agent id (%3), target (session:window.pane) or name')
    .option('--json', 'print JSON')
    .action(async (agent: string, options: ExplainOptions, command: Command) => {
      const loaded = await (await import('./monitor-options.js')).loadMonitorConfig(command.optsWithGlobals<GlobalConfigOptions>(), {}, io);
      if (loaded === undefined) return void (process.exitCode = 2);
      process.exitCode = await (await import('./explain.js')).runExplain(loaded, agent, options, io);
    });

  program
    .command('health')
    .description('check cycle time, pool utilisation, cache hit rate, error rate and connection timeouts; exit 1 if one fails')
    .option('--max-cycle-ms <ms>', 'slowest acceptable p95 cycle (default: monitoring.check_interval)')
    .option('--max-pool-utilisation <share>', 'most busy share of open connections (default 0.9)')
    .option('--min-cache-hit-rate <share>', 'least pane_content hit rate once 20 reads were made (default 0.2)')
    .option('--max-error-rate <share>', 'most failed tmux commands per command (default 0.05)')
    .option('--max-timeouts <n>', 'most connection acquisitions that timed out (default 0)')
    .option('--json', 'print JSON')
    .action(async (options: HealthOptions, command: Command) => {
      const loaded = await (await import('./monitor-options.js')).loadMonitorConfig(command.optsWithGlobals<GlobalConfigOptions>(), {}, io);
      if (loaded === undefined) return void (process.exitCode = 2);
      process.exitCode = await (await import('./health.js')).runHealth(loaded, options, io);
    });

  program
    .command('perf')
    .description('performance views')
    .command('watch')
    .description('live dashboard of pool, cache, cycle times and agents by state; q or Ctrl-C quits')
    .option('--interval <seconds>', 'seconds between redraws', '1')
    .action(async (options: { interval: string }, command: Command) => {
      const loaded = await (await import('./monitor-options.js')).loadMonitorConfig(command.optsWithGlobals<GlobalConfigOptions>(), {}, io);
      if (loaded === undefined) return void (process.exitCode = 2);
      process.exitCode = await (await import('./perf-watch.js')).runPerfWatch(loaded, options, io);
    });
}

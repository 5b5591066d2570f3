import { Option, type Command } from 'commander';

/** Flags that tune the monitor, shared by `monitor start` and `monitor run`. */
export interface MonitorFlags {
  readonly async?: boolean;
  readonly strategy?: string;
  readonly poolSize?: string;
  readonly cache?: boolean;
  readonly interval?: string;
  /** `status --all`: every pane is an agent. */
  readonly all?: boolean;
}

/** Adds `--async|--sync --strategy --pool-size --cache|--no-cache --interval` to `command`. */
export function addMonitorFlags(command: Command): Command {
  return command
    .addOption(new Option('--async', 'pooled, pipelined monitoring (monitoring.async.enabled: true)'))
    .addOption(new Option('--sync', 'one pane at a time on the exec transport (async.enabled: false, pool.transport: exec)').conflicts('async'))
    .option('--strategy <name>', 'monitoring strategy: polling, concurrent, adaptive or a plugin package')
    .option('--pool-size <n>', 'most tmux connections open at once (monitoring.async.pool.max_size)')
    .option('--cache', 'keep captured screens while a pane\'s window_activity is unchanged (monitoring.async.cache.enabled)')
    .option('--no-cache', 'capture every pane looked at, every cycle (monitoring.async.cache.enabled: false)')
    .option('--interval <seconds>', 'seconds between cycles (monitoring.check_interval)');
}

/** commander stores `--sync` as `sync: true`; fold it into `async`. */
export function readMonitorFlags(options: MonitorFlags & { sync?: boolean }): MonitorFlags {
  const { sync, ...rest } = options;
  return sync === true ? { ...rest, async: false } : rest;
}

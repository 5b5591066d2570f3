import type { ConfigOverrides, LoadedConfig } from '@tmux-orc/config';
import { Option, type Command } from 'commander';
import type { CommandIo } from '../shared/command-io.js';
import type { GlobalConfigOptions } from './config-io.js';
import { loadForCommand } from './config-show.js';

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

/** What the monitor flags stand for: config overrides, and `--pool-size` as the variable that means the same. */
interface MonitorFlagLayers {
  readonly overrides: ConfigOverrides;
  /** `TMUX_ORC_POOL_SIZE` when `--pool-size` was given: config lowers a larger `min_size` to it. */
  readonly env: Readonly<Record<string, string>>;
}

/** The configuration the flags stand for, or a problem message naming the flag. */
function monitorFlagLayers(flags: MonitorFlags): MonitorFlagLayers | string {
  const number = (name: string, text: string | undefined, integer: boolean): number | string | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    return Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value))
      ? value
      : `--${name}: expected a positive ${integer ? 'integer' : 'number'}, got \`${text}\``;
  };
  const poolSize = number('pool-size', flags.poolSize, true);
  const interval = number('interval', flags.interval, false);
  if (typeof poolSize === 'string') return poolSize;
  if (typeof interval === 'string') return interval;
  const overrides: ConfigOverrides = {
    monitoring: {
      ...(interval === undefined ? {} : { check_interval: interval }),
      async: {
        ...(flags.async === undefined ? {} : { enabled: flags.async }),
        ...(flags.strategy === undefined ? {} : { strategy: flags.strategy }),
        ...(flags.cache === undefined ? {} : { cache: { enabled: flags.cache } }),
        ...(flags.async === false ? { pool: { transport: 'exec' as const } } : {}),
      },
    },
    ...(flags.all === true ? { discovery: { include: ['*'] } } : {}),
  };
  // The variable, not an override of max_size: config lowers a larger min_size (from a profile or a
  // file) to TMUX_ORC_POOL_SIZE, and does that for no other layer, so the flag would otherwise fail.
  return { overrides, env: poolSize === undefined ? {} : { TMUX_ORC_POOL_SIZE: String(poolSize) } };
}

/**
 * Loads the configuration for a monitor command once: files, env, `-L/-S`, then the monitor flags.
 * Prints every problem and returns `undefined` when it is invalid (the caller exits 2).
 */
export async function loadMonitorConfig(globals: GlobalConfigOptions, flags: MonitorFlags, io: CommandIo): Promise<LoadedConfig | undefined> {
  const layers = monitorFlagLayers(flags);
  if (typeof layers === 'string') {
    io.stderr(`${layers}\n`);
    return undefined;
  }
  return loadForCommand(globals, { ...io, env: { ...io.env, ...layers.env } }, layers.overrides);
}

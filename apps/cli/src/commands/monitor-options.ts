import { ConfigError, loadConfig, type Config, type ConfigOverrides, type LoadedConfig } from '@tmux-orc/config';
import { Option, type Command } from 'commander';
import type { CommandIo } from '../shared/command-io.js';
import { printProblems, type GlobalConfigOptions } from './config-io.js';
import { overridesFromFlags } from './config-show.js';

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

/** The config overrides the flags stand for, or a problem message naming the flag. */
export function overridesFromMonitorFlags(flags: MonitorFlags, base: Config): ConfigOverrides | string {
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
  const pool = {
    ...(flags.async === false ? { transport: 'exec' as const } : {}),
    ...(poolSize === undefined ? {} : { max_size: poolSize, min_size: Math.min(base.monitoring.async.pool.min_size, poolSize) }),
  };
  return {
    monitoring: {
      ...(interval === undefined ? {} : { check_interval: interval }),
      async: {
        ...(flags.async === undefined ? {} : { enabled: flags.async }),
        ...(flags.strategy === undefined ? {} : { strategy: flags.strategy }),
        ...(flags.cache === undefined ? {} : { cache: { enabled: flags.cache } }),
        pool,
      },
    },
    ...(flags.all === true ? { discovery: { include: ['*'] } } : {}),
  };
}

function merge(a: ConfigOverrides | undefined, b: ConfigOverrides): ConfigOverrides {
  const out: Record<string, unknown> = { ...(a as Record<string, unknown> | undefined) };
  for (const [key, value] of Object.entries(b)) {
    const left = out[key];
    out[key] = typeof value === 'object' && value !== null && !Array.isArray(value) && typeof left === 'object' && left !== null && !Array.isArray(left)
      ? merge(left as ConfigOverrides, value as ConfigOverrides)
      : value;
  }
  return out as ConfigOverrides;
}

/**
 * Loads the configuration for a monitor command: files, env, `-L/-S`, then the monitor flags.
 * Prints every problem and returns `undefined` when it is invalid (the caller exits 2).
 */
export async function loadMonitorConfig(globals: GlobalConfigOptions, flags: MonitorFlags, io: CommandIo): Promise<LoadedConfig | undefined> {
  const load = (argvOverrides: ConfigOverrides | undefined) =>
    loadConfig({
      env: io.env,
      cwd: io.cwd,
      ...(globals.config === undefined ? {} : { configFile: globals.config }),
      ...(argvOverrides === undefined ? {} : { argvOverrides }),
    });
  try {
    const serverOverrides = overridesFromFlags(globals);
    const base = await load(serverOverrides);
    const fromFlags = overridesFromMonitorFlags(flags, base.config);
    if (typeof fromFlags === 'string') {
      io.stderr(`${fromFlags}\n`);
      return undefined;
    }
    return await load(merge(serverOverrides, fromFlags));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    printProblems(io, error.problems);
    return undefined;
  }
}

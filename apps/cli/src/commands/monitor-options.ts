import type { ConfigOverrides, LoadedConfig } from '@tmux-orc/config';
import type { CommandIo } from '../shared/command-io.js';
import type { GlobalConfigOptions } from './config-io.js';
import { loadForCommand } from './config-show.js';
import type { MonitorFlags } from './monitor-flags.js';

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

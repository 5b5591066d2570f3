import { ConfigError, resolveHome, writeInitialConfig, type ProfileName } from '@tmux-orc/config';
import type { CommandIo } from '../shared/command-io.js';
import { configExitCodes } from './config-io.js';

/** Options of `tmux-orc config init`. */
export interface ConfigInitOptions {
  readonly profile?: ProfileName;
  readonly force?: boolean;
}

/**
 * `tmux-orc config init [--profile P] [--force]`: writes a commented config.yaml into
 * `$TMUX_ORC_HOME` (default `~/.tmux-orchestrator`). Exit 1 when it exists and `--force` is absent.
 */
export async function runConfigInit(options: ConfigInitOptions, io: CommandIo): Promise<number> {
  const home = resolveHome(io.env, io.cwd);
  try {
    const file = await writeInitialConfig({
      home,
      ...(options.profile === undefined ? {} : { profile: options.profile }),
      ...(options.force === true ? { force: true } : {}),
    });
    io.stdout(`wrote ${file}${options.profile === undefined ? '' : ` (profile ${options.profile})`}\n`);
    return configExitCodes.ok;
  } catch (error) {
    if (error instanceof ConfigError && error.code === 'CONFIG_FILE_EXISTS') {
      io.stderr(`${error.message}\n`);
      return configExitCodes.failed;
    }
    throw error;
  }
}

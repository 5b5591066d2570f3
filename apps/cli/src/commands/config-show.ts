import { ConfigError, configToYaml, listLeaves, loadConfig, type ConfigOverrides, type LoadedConfig } from '@tmux-orc/config';
import type { CommandIo } from '../shared/command-io.js';
import { configExitCodes, printProblems, type GlobalConfigOptions } from './config-io.js';

/** Options of `tmux-orc config show`. */
export interface ConfigShowOptions extends GlobalConfigOptions {
  readonly sources?: boolean;
  readonly json?: boolean;
}

/** `-L`/`-S` (and `--host`) become the `servers` list: the flags name the one server to watch. */
function overridesFromFlags(options: GlobalConfigOptions): ConfigOverrides | undefined {
  const remote = options.host === undefined ? {} : { host: options.host };
  const servers = [
    ...(options.socketName === undefined ? [] : [{ socket_name: options.socketName, ...remote }]),
    ...(options.socketPath === undefined ? [] : [{ socket_path: options.socketPath, ...remote }]),
  ];
  if (servers.length === 0 && options.host !== undefined) return { servers: [{ default: true, ...remote }] };
  return servers.length === 0 ? undefined : { servers };
}

/**
 * Loads the effective configuration for a command, `-L`/`-S` and `overrides` (other flags) as the
 * highest layer, or prints every problem and returns `undefined`.
 */
export async function loadForCommand(
  options: GlobalConfigOptions,
  io: CommandIo,
  overrides: ConfigOverrides = {},
): Promise<LoadedConfig | undefined> {
  // The two never share a top-level key (`servers` against `monitoring`, `discovery`), so a spread merges them.
  const argvOverrides = { ...overrides, ...overridesFromFlags(options) };
  try {
    return await loadConfig({
      env: io.env,
      cwd: io.cwd,
      ...(options.config === undefined ? {} : { configFile: options.config }),
      ...(Object.keys(argvOverrides).length === 0 ? {} : { argvOverrides }),
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    printProblems(io, error.problems);
    return undefined;
  }
}

/** `tmux-orc config show [--sources] [--json]`: the effective configuration, optionally with where each value came from. */
export async function runConfigShow(options: ConfigShowOptions, io: CommandIo): Promise<number> {
  const loaded = await loadForCommand(options, io);
  if (loaded === undefined) return configExitCodes.invalid;
  const { config, sources, home, homeSource, files } = loaded;
  if (options.json === true) {
    const out = { home, homeSource, files, config, ...(options.sources === true ? { sources } : {}) };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return configExitCodes.ok;
  }
  if (options.sources !== true) {
    io.stdout(configToYaml(config));
    return configExitCodes.ok;
  }
  const rows = listLeaves(config).map(([path, value]) => [path, JSON.stringify(value), sources[path] ?? 'default'] as const);
  const keyWidth = Math.max(...rows.map(([path]) => path.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const lines = [
    `# home: ${home} (${homeSource})`,
    `# files: ${files.length === 0 ? 'none' : files.join(', ')}`,
    ...rows.map(([path, value, source]) => `${path.padEnd(keyWidth)}  ${value.padEnd(valueWidth)}  ${source}`),
  ];
  // One write: a reader that stops early (`| head`) then costs at most one EPIPE, not one per row.
  io.stdout(`${lines.join('\n')}\n`);
  return configExitCodes.ok;
}

import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDefaultConfig } from './defaults.js';
import { readEnvLayers } from './env-layers.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { configFileName, expandPath, resolveHome, type ConfigEnv } from './home.js';
import { formatKeyPath, isPlainObject, listLeaves, valueAt } from './key-path.js';
import { mergeLayers, originOf, type ConfigLayer, type ConfigSource } from './merge-layers.js';
import { profiles } from './profiles.js';
import { readConfigFile } from './read-config-file.js';
import { configSchema, profileNames, type Config, type ConfigOverrides, type ProfileName } from './schema.js';
import { problemsFromIssues } from './zod-issues.js';

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Environment to read `TMUX_ORC_*` and `HOME` from; defaults to `process.env`. */
  readonly env?: ConfigEnv;
  /** Values from command-line flags, the highest layer (snake_case, any subset of keys). */
  readonly argvOverrides?: ConfigOverrides;
  /** A file given with `--config FILE`; it must exist. Relative paths resolve against `cwd`. */
  readonly configFile?: string;
  /** The tmux-orc home; defaults to `$TMUX_ORC_HOME`, else `~/.tmux-orchestrator`. */
  readonly home?: string;
  /** Read `<home>/config.yaml` when it exists (default `true`). */
  readonly readHomeFile?: boolean;
  /** Base of relative paths; defaults to `process.cwd()`. */
  readonly cwd?: string;
}

/** What {@link loadConfig} resolved. */
export interface LoadedConfig {
  readonly config: Config;
  /** For every leaf key path (`monitoring.async.pool.max_size`), where its value came from. */
  readonly sources: Readonly<Record<string, ConfigSource>>;
  /** The tmux-orc home directory (absolute). */
  readonly home: string;
  /** Where the home came from: the `home` option, `env:TMUX_ORC_HOME` or `default`. */
  readonly homeSource: 'option' | 'env:TMUX_ORC_HOME' | 'default';
  /** The files that were read, lowest precedence first. */
  readonly files: readonly string[];
}

/**
 * Resolves the configuration from its layers, later wins: built-in defaults < profile <
 * `<home>/config.yaml` < `configFile` < environment < `argvOverrides`.
 *
 * @throws {ConfigError} listing every problem in every layer, each located (file:line:column,
 * environment variable or `cli`).
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const { home, homeSource } = homeOf(options, env, cwd);
  const problems: ConfigProblem[] = [];
  const fileLayers: ConfigLayer[] = [];

  if (options.readHomeFile !== false) {
    const result = await readConfigFile(join(home, configFileName));
    if (result.layer !== undefined) fileLayers.push(result.layer);
    if (!result.missing) problems.push(...result.problems);
  }
  if (options.configFile !== undefined) {
    const result = await readConfigFile(resolve(cwd, options.configFile), options.configFile);
    if (result.layer !== undefined) fileLayers.push(result.layer);
    problems.push(...result.problems);
  }
  const envResult = readEnvLayers(env);
  problems.push(...envResult.problems);
  const cliLayers: ConfigLayer[] =
    options.argvOverrides === undefined
      ? []
      : [{ source: 'cli', data: options.argvOverrides as Record<string, unknown> }];

  const defaultLayer: ConfigLayer = { source: 'default', data: createDefaultConfig(home) };
  const aboveProfile = [...fileLayers, ...envResult.layers, ...cliLayers];
  const profile = chosenProfile(aboveProfile);
  const profileLayers: ConfigLayer[] =
    profile === undefined ? [] : [{ source: `profile:${profile}`, data: profiles[profile] as Record<string, unknown> }];
  const layers = [defaultLayer, ...profileLayers, ...aboveProfile];
  const { value: merged, origins } = mergeLayers(layers);
  lowerMinPoolSizeToEnvMax(merged, origins, layers);

  const parsed = configSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) {
    const schemaProblems = problemsFromIssues(parsed.error.issues, { schema: configSchema, merged, layers, origins });
    problems.push(...sortByLayerAndPosition(schemaProblems, layers));
  }
  if (problems.length > 0 || !parsed.success) throw ConfigError.fromProblems(problems);

  const config = parsed.data;
  config.logging.directory = expandPath(config.logging.directory, env['HOME'] || homedir(), home);
  const sources: Record<string, ConfigSource> = {};
  for (const [path] of listLeaves(config)) {
    const index = originOf(origins, path.split('.'));
    sources[path] = (index === undefined ? undefined : layers[index]?.source) ?? 'default';
  }
  return { config, sources, home, homeSource, files: fileLayers.flatMap((l) => (l.file === undefined ? [] : [l.file])) };
}

function homeOf(
  options: LoadConfigOptions,
  env: ConfigEnv,
  cwd: string,
): { home: string; homeSource: LoadedConfig['homeSource'] } {
  if (options.home !== undefined) return { home: resolve(cwd, options.home), homeSource: 'option' };
  const fromEnv = env['TMUX_ORC_HOME'];
  return {
    home: resolveHome(env, cwd),
    homeSource: fromEnv === undefined || fromEnv === '' ? 'default' : 'env:TMUX_ORC_HOME',
  };
}

/** The profile named by the highest layer that names a valid one (invalid names are reported by the schema). */
function chosenProfile(layers: readonly ConfigLayer[]): ProfileName | undefined {
  for (const layer of [...layers].reverse()) {
    const name = layer.data['profile'];
    if ((profileNames as readonly unknown[]).includes(name)) return name as ProfileName;
  }
  return undefined;
}

/**
 * `TMUX_ORC_POOL_SIZE` sets max_size; a min_size from a lower layer (a profile, a file) that is
 * now larger follows it down instead of making the variable unusable.
 */
function lowerMinPoolSizeToEnvMax(
  merged: Record<string, unknown>,
  origins: Map<string, number>,
  layers: readonly ConfigLayer[],
): void {
  const poolPath = ['monitoring', 'async', 'pool'];
  const pool = valueAt(merged, poolPath);
  if (!isPlainObject(pool)) return;
  const { min_size: min, max_size: max } = pool;
  if (typeof min !== 'number' || typeof max !== 'number' || min <= max) return;
  const maxIndex = originOf(origins, [...poolPath, 'max_size']);
  const minIndex = originOf(origins, [...poolPath, 'min_size']) ?? 0;
  if (maxIndex === undefined || layers[maxIndex]?.source !== 'env:TMUX_ORC_POOL_SIZE' || minIndex > maxIndex) return;
  pool['min_size'] = max;
  origins.set(formatKeyPath([...poolPath, 'min_size']), maxIndex);
}

function sortByLayerAndPosition(problems: ConfigProblem[], layers: readonly ConfigLayer[]): ConfigProblem[] {
  const rank = (p: ConfigProblem): number => {
    const index = layers.findIndex((l) => l.source === p.source);
    return index === -1 ? layers.length : index;
  };
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort(
      (a, b) =>
        rank(a.problem) - rank(b.problem) ||
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        (a.problem.column ?? 0) - (b.problem.column ?? 0) ||
        a.order - b.order,
    )
    .map(({ problem }) => problem);
}

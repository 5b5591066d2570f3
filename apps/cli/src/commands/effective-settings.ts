import { execFile } from 'node:child_process';
import type { LoadedConfig } from '@tmux-orc/config';
import { configuredServers } from '@tmux-orc/monitor';
import { daemonPaths } from '../shared/daemon-paths.js';
import { checkDetectors, describeDetectors } from './detector-check.js';
import { strategyProblem } from './strategy-check.js';

/** What `monitor start --dry-run` prints. */
export interface EffectiveSettings {
  readonly home: string;
  readonly files: readonly string[];
  readonly servers: readonly unknown[];
  readonly strategy: string;
  /** Detector ids in the order the checker tries them: config's plugins, then the built-ins. */
  readonly detectors: readonly string[];
  readonly interval_s: number;
  readonly debounce_s: number;
  readonly pool: { readonly min_size: number; readonly max_size: number };
  readonly cache: boolean;
  /** The transport the daemon would use, and why. */
  readonly transport: 'control' | 'exec';
  readonly transport_reason: string;
  readonly socket: string;
  readonly log: string;
  /** Why the daemon could not run as configured, or null. */
  readonly problem: string | null;
  readonly lines: readonly string[];
}

function tmuxVersion(): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('tmux', ['-V'], (error, stdout) => resolve(error === null ? stdout.trim() : null));
  });
}

/** Resolves the settings a daemon would run with: strategy loaded, tmux found, transport chosen. */
export async function describeEffectiveSettings(loaded: LoadedConfig): Promise<Omit<EffectiveSettings, 'lines'> & { lines: string[] }> {
  const { config } = loaded;
  const paths = daemonPaths(loaded);
  const async = config.monitoring.async;
  const strategy = async.enabled ? async.strategy : 'polling';
  const detectors = await checkDetectors(config);
  let problem: string | null = (await strategyProblem(config)) ?? detectors.problem;
  const version = await tmuxVersion();
  if (version === null) problem ??= 'tmux: expected `tmux` on PATH, got none';
  const control = async.pool.transport === 'control';
  const transport = control ? 'control' : 'exec';
  const transportReason = control
    ? `tmux control-mode clients (${version ?? 'tmux not found'}); falls back to exec if control mode cannot start`
    : async.enabled
      ? 'monitoring.async.pool.transport is exec: one tmux process per command'
      : '--sync / monitoring.async.enabled false: one tmux process per command';
  const servers = configuredServers(config).map((s) => s.label);
  const lines = [
    `home:       ${loaded.home}`,
    `config:     ${loaded.files.length === 0 ? 'built-in defaults (no config file)' : loaded.files.join(', ')}`,
    `servers:    ${servers.join(', ')}`,
    `strategy:   ${strategy}${async.enabled ? '' : ' (async disabled)'}`,
    ...(detectors.problem === null ? [`detectors:  ${describeDetectors(detectors)}`] : []),
    `interval:   ${config.monitoring.check_interval} s (debounce ${config.monitoring.debounce} s)`,
    `pool:       ${async.pool.min_size}..${async.pool.max_size} connections`,
    `cache:      ${async.cache.enabled ? `on (${async.cache.strategy}, ttl ${async.cache.default_ttl} s)` : 'off'}`,
    `transport:  ${transport}: ${transportReason}`,
    `socket:     ${paths.socket}`,
    `log:        ${paths.monitorLog}`,
    ...(problem === null ? [] : [`problem:    ${problem}`]),
  ];
  return {
    home: loaded.home,
    files: loaded.files,
    servers: config.servers,
    strategy,
    detectors: detectors.ids,
    interval_s: config.monitoring.check_interval,
    debounce_s: config.monitoring.debounce,
    pool: { min_size: async.pool.min_size, max_size: async.pool.max_size },
    cache: async.cache.enabled,
    transport,
    transport_reason: transportReason,
    socket: paths.socket,
    log: paths.monitorLog,
    problem,
    lines,
  };
}

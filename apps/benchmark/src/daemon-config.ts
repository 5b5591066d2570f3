import type { BenchMode } from './bench-modes.js';

/** How the daemon is configured to run like each benchmark mode (the floor classifies nothing: none). */
const settings: Readonly<Record<Exclude<BenchMode['name'], 'floor'>, { enabled: boolean; strategy: string; discovery: string; transport: string }>> = {
  sync: { enabled: false, strategy: 'concurrent', discovery: 'list', transport: 'exec' },
  'async-exec': { enabled: true, strategy: 'concurrent', discovery: 'list', transport: 'exec' },
  control: { enabled: true, strategy: 'concurrent', discovery: 'list', transport: 'control' },
  adaptive: { enabled: true, strategy: 'adaptive', discovery: 'list', transport: 'control' },
  events: { enabled: true, strategy: 'adaptive', discovery: 'events', transport: 'control' },
};

/**
 * The config file (YAML) of a daemon running `mode` every `intervalMs`: the benchmark's mode as a
 * user would configure it (`sync` is `async.enabled: false` on exec: polling, one at a time), other
 * settings at their defaults, and nothing typed into panes (no PM reports, restarts or resubmits).
 */
export function daemonConfig(mode: Exclude<BenchMode['name'], 'floor'>, intervalMs: number): string {
  const { enabled, strategy, discovery, transport } = settings[mode];
  return [
    'monitoring:',
    `  check_interval: ${intervalMs / 1000}`,
    '  async:',
    `    enabled: ${enabled}`,
    `    strategy: ${strategy}`,
    `    discovery: ${discovery}`,
    '    pool:',
    `      transport: ${transport}`,
    'notifications:',
    '  pm_enabled: false',
    'recovery:',
    '  restart_crashed: false',
    '  resubmit_attempts: 0',
    '',
  ].join('\n');
}

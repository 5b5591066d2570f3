import type { Config } from '@tmux-orc/config';
import { loadStrategy, type MonitoringStrategy } from '@tmux-orc/strategies';
import type { Logger } from '@tmux-orc/tmux-pool';
import { MonitorError } from './monitor-error.js';
import type { WatchedServer } from './watched-server.js';

/** The strategy the monitor runs, loaded on first use, switched to `polling` when a pool fell back to exec. */
export interface StrategySource {
  /** The strategy for this cycle: the configured one, or `polling` once any server runs on exec. */
  current(servers: readonly WatchedServer[]): Promise<MonitoringStrategy>;
  /** Name of the strategy loaded, null before the first cycle. */
  name(): string | null;
  /** Why the monitor runs `polling` on exec instead of the configured strategy; null when it does not. */
  fallback(): string | null;
  /** Disposes of the loaded strategy; the next `current` loads it again. */
  dispose(): Promise<void>;
}

/**
 * Creates the {@link StrategySource}. `load(name)` loads a strategy by name; `injected`, when given,
 * is used instead of loading the configured one (tests, embedders).
 */
export function createStrategySource(
  config: Config,
  load: (name: string) => Promise<MonitoringStrategy>,
  logger: Logger,
  injected?: MonitoringStrategy,
): StrategySource {
  let strategy: MonitoringStrategy | undefined;
  let fallback: string | null = null;

  async function fallBackToPolling(servers: readonly WatchedServer[]): Promise<void> {
    const reason = servers.map((s) => s.pool.metrics().fallback_reason).find((r) => r !== null) ?? 'control mode unavailable';
    fallback = `control mode could not start (${reason}): running polling on the exec transport`;
    logger.warn(fallback);
    if (strategy?.name === 'polling') return;
    await strategy?.dispose?.();
    strategy = await load('polling');
  }

  async function loadConfigured(): Promise<MonitoringStrategy> {
    const name = config.monitoring.async.enabled ? config.monitoring.async.strategy : 'polling';
    try {
      return injected ?? (await load(name));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new MonitorError('STRATEGY_UNAVAILABLE', `Expected to load the strategy \`${name}\`, got: ${message}`, { cause: error });
    }
  }

  async function settle(servers: readonly WatchedServer[]): Promise<MonitoringStrategy> {
    const wantedControl = config.monitoring.async.pool.transport === 'control';
    if (wantedControl && fallback === null && servers.some((s) => s.pool.transport === 'exec')) await fallBackToPolling(servers);
    strategy ??= await loadConfigured();
    return strategy;
  }

  // Servers are observed in parallel, and each asks: one at a time, so the strategy loads once.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    current(servers) {
      const next = queue.then(() => settle(servers));
      queue = next.catch(() => undefined);
      return next;
    },
    name: () => strategy?.name ?? null,
    fallback: () => fallback,
    async dispose() {
      await strategy?.dispose?.();
      strategy = undefined;
    },
  };
}

/**
 * The adaptive strategy's `staleness` (s) under `discovery: events` when the config sets none: one
 * hour. tmux stamps a window's activity on every byte a pane prints, tells of every stamp that moves,
 * and the lister's full listing (every 60 s) compares every stamp again, so a pane whose stamp stayed
 * shows the same screen. Adaptive's own 10 s (and the 60 s this was before) re-read every pane of a
 * quiet fleet for nothing: ~22 captures a second at 1000 agents, the largest share of the daemon's CPU.
 */
export const eventsStalenessSeconds = 3600;

/**
 * `monitoring.async.strategy_options`, with what `discovery: events` changes for adaptive unless
 * the config sets it: `staleness` {@link eventsStalenessSeconds}, and no always-captured states or
 * roles — a pane waiting for approval (or in any other state), or a PM, that tmux says did not print
 * shows the same screen, so looking at it every cycle (adaptive's default for problem states and
 * PMs) finds nothing new, and keeps every cycle from being a quiet one (see adaptive's `quietUntil`).
 * A failed look, or one within the second of the pane's stamp, is looked at again anyway.
 */
export function configuredStrategyOptions(config: Config): Readonly<Record<string, unknown>> {
  const { strategy, strategy_options: options, discovery } = config.monitoring.async;
  if (strategy !== 'adaptive' || discovery !== 'events') return options;
  return { staleness: eventsStalenessSeconds, always_capture_states: [], always_capture_roles: [], ...options };
}

/** Loads strategies by name: the configured one with its options (see `configuredStrategyOptions`), the polling fallback with none. */
export function configuredStrategyLoader(config: Config): (name: string) => Promise<MonitoringStrategy> {
  const { strategy } = config.monitoring.async;
  const options = configuredStrategyOptions(config);
  return (name) => loadStrategy(name, name === strategy ? options : {}, { importModule: (specifier) => import(specifier) });
}

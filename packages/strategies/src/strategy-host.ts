import { loadStrategy, type LoadStrategyOptions } from './load-strategy.js';
import type { MonitoredPane, MonitoringStrategy, Observation, StrategyServices } from './monitoring-strategy.js';
import { StrategyError } from './strategy-error.js';

/** Options of {@link createStrategyHost}. */
export interface StrategyHostOptions {
  /** The services every cycle gets: pool, checker (whose tracker holds state history), clock. */
  readonly services: StrategyServices;
  /** How `switchStrategy(name)` finds a strategy by name. Default: {@link loadStrategy}'s defaults. */
  readonly loadOptions?: LoadStrategyOptions;
}

/** Runs one strategy at a time, cycle after cycle, and swaps it without losing tracked state. */
export interface StrategyHost extends AsyncDisposable {
  /** The strategy running now. */
  readonly strategy: MonitoringStrategy;
  /** The observations of the last cycle, by pane id: what the next cycle gets as `previous`. */
  readonly observations: ReadonlyMap<string, Observation>;
  /**
   * Runs one cycle of the current strategy over `panes` and keeps its observations for the next.
   * Cycles run one at a time: a call made while one runs waits for it.
   */
  observe(panes: readonly MonitoredPane[]): Promise<Map<string, Observation>>;
  /**
   * Replaces the strategy (a name is loaded with `options` through `loadStrategy`) once the
   * running cycle, if any, has finished, then disposes the old one. Observations and the checker's
   * tracker stay, so states and their `since` survive the switch. A failed load keeps the old strategy.
   */
  switchStrategy(next: string | MonitoringStrategy, options?: Readonly<Record<string, unknown>>): Promise<MonitoringStrategy>;
  /** Waits for the running cycle and disposes the strategy; later calls reject with `HOST_DISPOSED`. */
  dispose(): Promise<void>;
}

/**
 * Creates a {@link StrategyHost}: the previous observations live here and the state tracker in
 * the checker, outside any strategy, which is what makes switching strategies at runtime safe.
 *
 * @example
 * const host = createStrategyHost(await loadStrategy('polling'), { services: { runner: pool, checker, clock } });
 * await host.observe(panes);
 * await host.switchStrategy('adaptive', { staleness: 30 }); // states and `since` carry over
 */
export function createStrategyHost(initial: MonitoringStrategy, options: StrategyHostOptions): StrategyHost {
  const { services } = options;
  let strategy = initial;
  let observations: ReadonlyMap<string, Observation> = new Map();
  let disposed = false;
  // Cycles, switches and disposal queue behind each other, so a strategy never changes mid-cycle.
  let queue: Promise<unknown> = Promise.resolve();

  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(() => {
      if (disposed) throw new StrategyError('HOST_DISPOSED', `Expected a running strategy host, got one already disposed (strategy \`${strategy.name}\`)`);
      return task();
    });
    queue = run.catch(() => undefined);
    return run;
  }

  const host: StrategyHost = {
    get strategy() {
      return strategy;
    },
    get observations() {
      return observations;
    },
    observe(panes) {
      return serialized(async () => {
        const next = await strategy.observe({ panes, previous: observations, services });
        observations = next;
        return next;
      });
    },
    switchStrategy(next, strategyOptions = {}) {
      return serialized(async () => {
        const replacement = typeof next === 'string' ? await loadStrategy(next, strategyOptions, options.loadOptions) : next;
        if (replacement === strategy) return strategy;
        const old = strategy;
        strategy = replacement;
        await old.dispose?.();
        return replacement;
      });
    },
    dispose() {
      if (disposed) return queue.then(() => undefined);
      return serialized(async () => {
        disposed = true;
        await strategy.dispose?.();
      });
    },
    [Symbol.asyncDispose]() {
      return host.dispose();
    },
  };
  return host;
}

import type { HealthResult } from './health-result.js';
import type { CheckedPane, PaneInfo, TmuxRunner } from './pane-info.js';

/** The version of this contract; a strategy declares the one it implements. */
export const strategySpecificationVersion = 'v1' as const;

/** What a discovered pane is to the monitor. */
export type PaneRole = 'agent' | 'pm';

/** A pane the monitor watches: tmux's facts plus what discovery decided about it. */
export interface MonitoredPane extends PaneInfo {
  readonly role: PaneRole;
  /** Short name for messages: the window name without its `Claude-` style prefix. */
  readonly name: string;
}

/** The last verdict on one pane. */
export interface Observation {
  readonly paneId: string;
  readonly result: HealthResult;
  /** Clock time (ms) of the cycle that produced this observation. */
  readonly observedAt: number;
  /**
   * Clock time (ms) of the cycle that last looked at the pane (asked the checker) for `result`.
   * Equal to `observedAt` when the pane was looked at this cycle; older when the strategy kept a
   * previous verdict. The checker may have served the screen from its cache (same `window_activity`).
   */
  readonly capturedAt: number;
  /** `window_activity` of the pane when it was last looked at. */
  readonly windowActivity: number;
}

/** Checks panes: `HealthChecker` or `AsyncHealthChecker` from `@tmux-orc/health-checker`. */
export interface PaneChecker {
  /** Captures (or reuses a cached screen for the same `window_activity`), classifies and tracks one pane. */
  check(pane: CheckedPane): Promise<HealthResult>;
  /** Checks many panes; a pane whose check failed is `unknown`, saying why. */
  checkMany(panes: readonly CheckedPane[]): Promise<Map<string, HealthResult>>;
}

/** Services the monitor lends a strategy for one cycle. */
export interface StrategyServices {
  /** Runs tmux commands (the pool). `transport` tells control mode from the exec fallback. */
  readonly runner: TmuxRunner & { readonly transport?: 'control' | 'exec' };
  /** Captures and classifies panes, and tracks their states over time (the tracker lives here). */
  readonly checker: PaneChecker;
  /** Time source in ms; the same clock the checker's tracker uses. */
  readonly clock: { now(): number };
  /**
   * The checker's debounce (ms): how long a screen must stay unchanged before the tracker calls
   * the pane `idle`. Strategies that skip captures look at an `active` pane again once it has
   * passed, or the pane would stay `active` forever. Default: 10 000 (the checker's default).
   */
  readonly debounceMs?: number;
}

/** Everything a strategy gets for one cycle. */
export interface StrategyCycleInput {
  /** Every pane discovery found this cycle (agents and PMs). */
  readonly panes: readonly MonitoredPane[];
  /** The previous observation of each pane still known, by pane id. */
  readonly previous: ReadonlyMap<string, Observation>;
  readonly services: StrategyServices;
}

/**
 * A monitoring strategy decides which panes to capture in a cycle and returns this cycle's
 * observation of every pane in `input.panes` (reusing a previous one where it chose not to look).
 * A strategy keeps no verdicts of its own: previous observations come in `input.previous` and
 * state history lives in the checker's tracker, so a strategy can be swapped between cycles.
 */
export interface MonitoringStrategy {
  readonly specificationVersion: typeof strategySpecificationVersion;
  /** The name config uses (`polling`, `concurrent`, `adaptive`, …). */
  readonly name: string;
  /** One line for status output: what the strategy does, with its options. */
  readonly description: string;
  /**
   * Returns this cycle's observation of every pane in `input.panes`. A strategy that looked at no
   * pane and keeps every observation as it was may return the map it returned last cycle, when it
   * comes back as `input.previous` with the same `input.panes` array: the monitor then knows
   * nothing changed without reading a pane (the adaptive plugin does this on a quiet fleet).
   */
  observe(input: StrategyCycleInput): Promise<Map<string, Observation>>;
  /** Releases what the strategy holds; called when the monitor stops or switches strategy. */
  dispose?(): Promise<void>;
}

/**
 * What a plugin module exports (as `createStrategy` or `default`): a factory given the options
 * from config (`monitoring.async.strategy_options`, free-form, snake_case keys as users write
 * them). It returns the strategy synchronously and throws on invalid options.
 */
export type StrategyFactory = (options: Readonly<Record<string, unknown>>) => MonitoringStrategy;

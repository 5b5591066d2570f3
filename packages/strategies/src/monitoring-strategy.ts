import type { CheckedPane, HealthResult } from '@tmux-orc/health-checker';
import type { PaneInfo, TmuxRunner } from '@tmux-orc/tmux-pool';

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
  /** Clock time (ms) of the cycle that produced `result`. */
  readonly observedAt: number;
  /** Clock time (ms) of the last capture of the pane's screen that fed `result`. */
  readonly capturedAt: number;
  /** `window_activity` of the pane when it was last captured. */
  readonly windowActivity: number;
}

/** Checks panes: `HealthChecker` or `AsyncHealthChecker` from `@tmux-orc/health-checker`. */
export interface PaneChecker {
  check(pane: CheckedPane): Promise<HealthResult>;
  checkMany(panes: readonly CheckedPane[]): Promise<Map<string, HealthResult>>;
}

/** Services the monitor lends a strategy for one cycle. */
export interface StrategyServices {
  /** Runs tmux commands (the pool). `transport` tells control mode from the exec fallback. */
  readonly runner: TmuxRunner & { readonly transport?: 'control' | 'exec' };
  /** Captures and classifies panes, and tracks their states over time. */
  readonly checker: PaneChecker;
  /** Time source in ms. */
  readonly clock: { now(): number };
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
 */
export interface MonitoringStrategy {
  readonly specificationVersion: typeof strategySpecificationVersion;
  /** The name config uses (`polling`, `concurrent`, `adaptive`, …). */
  readonly name: string;
  readonly description: string;
  observe(input: StrategyCycleInput): Promise<Map<string, Observation>>;
  /** Releases what the strategy holds; called when the monitor stops or switches strategy. */
  dispose?(): Promise<void>;
}

/**
 * What a plugin module exports (as `createStrategy` or `default`): a factory given the options
 * from config (`monitoring.async.strategy_options`, free-form).
 */
export type StrategyFactory = (options: Readonly<Record<string, unknown>>) => MonitoringStrategy;

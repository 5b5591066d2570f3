import type { MonotonicClock, TimerProvider, WallClock } from '@tmux-orc/clock';
import type { Config } from '@tmux-orc/config';
import type { AgentDetector } from '@tmux-orc/detector-kit';
import type { MonitoringStrategy } from '@tmux-orc/strategies';
import type { Logger, PoolMetrics, TmuxRunner, TmuxServer } from '@tmux-orc/tmux-pool';
import type { HeldReport, SentReport } from './actions/pm-reports.js';
import type { HookCommandRunner } from './actions/run-hooks.js';
import type { AgentTransition } from './agent-state-tracker.js';
import type { AgentExplanation } from './explain-agent.js';
import type { MonitorStatus } from './monitor-status.js';

/** What the monitor needs from a connection pool (`TmuxConnectionPool` fits). */
export interface MonitorPool extends TmuxRunner {
  readonly transport: 'control' | 'exec';
  /** Commands kept in order on one connection (see `TmuxConnectionPool.runInOrder`); lets a distant host's cycle take one round trip. */
  runInOrder?(commands: readonly (readonly string[])[]): Promise<string[]>[];
  metrics(): PoolMetrics;
  close(): Promise<void>;
}

/** The monitor's time sources, each for what it is for. */
export interface MonitorClocks {
  /** Dates states (`since`), cooldowns and rate-limit resets; they outlive the process in `state.json`. */
  readonly wall: WallClock;
  /** Measures durations: cycle times, the screen cache's TTL. */
  readonly monotonic: MonotonicClock;
  /** Schedules the cycle loop. */
  readonly timers: TimerProvider;
}

/** Everything `createMonitor` lets you replace. */
export interface MonitorDeps {
  /** Wall clock (ms since the epoch): `since`, cooldowns, rate-limit resets. Default `Date.now()`. */
  readonly wallClock?: WallClock;
  /** Monotonic clock: cycle times, cache TTLs. Default `performance.now()`. */
  readonly monotonicClock?: MonotonicClock;
  readonly logger?: Logger;
  /** Makes the pool of one server. Default: `createTmuxConnectionPool` with the config's pool settings. */
  readonly createPool?: (server: TmuxServer, config: Config) => MonitorPool;
  /** The strategy to run; default: `monitoring.async.strategy` through `loadStrategy`. */
  readonly strategy?: MonitoringStrategy;
  /** Loads a strategy by name (also `polling` for the exec fallback). Default: `loadStrategy` of `@tmux-orc/strategies`. */
  readonly loadStrategy?: (name: string) => Promise<MonitoringStrategy>;
  /**
   * The detectors to choose from, in order (plugins first). Default: config's `detectors` plugins,
   * loaded on the first cycle, before `builtinDetectors` of `@tmux-orc/health-checker`.
   */
  readonly detectors?: readonly AgentDetector[];
  /** Where cooldowns and attempt counters persist (`$TMUX_ORC_HOME/state.json`); absent: kept in memory only. */
  readonly statePath?: string;
  /** Runs one hook command. Default: `sh -c` via execa, killed after `notifications.hook_timeout`. */
  readonly runHook?: HookCommandRunner;
  /** The environment the desktop channel reads (PATH for `notify-send`, DBUS_SESSION_BUS_ADDRESS); default `process.env`. */
  readonly notificationEnv?: Readonly<Record<string, string | undefined>>;
  /** Schedules the cycle loop and the delivery checks. Default: Node's timers. */
  readonly timers?: TimerProvider;
  /**
   * Settle first sights with tmux's `window_activity` (a pane quiet for the debounce window is `idle` at
   * once): for one-off checks such as `tmux-orc status` without a daemon. Default false.
   */
  readonly firstSightFromWindowActivity?: boolean;
  /** How long after typing a report the PM's screen is read to confirm it was submitted (ms). Default 800. */
  readonly deliveryCheckMs?: number;
}

/** What happened in one cycle. */
export interface CycleResult {
  readonly transitions: readonly AgentTransition[];
  readonly reports: readonly SentReport[];
  /** The monitor's status, built when first read (read it before the next cycle for this one's). */
  readonly status: MonitorStatus;
}

/** Something the monitor tells subscribers about. */
export type MonitorEvent =
  | { readonly type: 'transition'; readonly transition: AgentTransition }
  | { readonly type: 'report'; readonly report: SentReport }
  /** A report was kept back: typing it into the PM pane was not safe (a shell runs there). */
  | { readonly type: 'report_held'; readonly report: HeldReport }
  | { readonly type: 'cycle'; readonly durationMs: number; readonly cycle: number };

/** The monitor service; `await using` stops it. */
export interface Monitor extends AsyncDisposable {
  /** Runs one cycle now (waits for a cycle already running, then runs its own). */
  runCycle(): Promise<CycleResult>;
  /** Starts a cycle every `monitoring.check_interval`; a cycle never overlaps the previous one. */
  start(): Promise<void>;
  /** Stops the loop, finishes the cycle in progress and the running hooks, closes every tmux client. */
  stop(): Promise<void>;
  /** The status snapshot and metrics. */
  status(): MonitorStatus;
  /**
   * Why the monitor says what it says about one agent (named by id, pane id, target or name): its
   * verdict and rule, its screen captured now and explained, its signals and their age. Rejects
   * with `UNKNOWN_AGENT` when no monitored agent matches.
   */
  explain(agent: string): Promise<AgentExplanation>;
  /** Calls `listener` for every transition, report and cycle; returns the unsubscribe function. */
  subscribe(listener: (event: MonitorEvent) => void): () => void;
}

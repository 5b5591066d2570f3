import type { Config } from '@tmux-orc/config';
import type { AgentDetector } from '@tmux-orc/detector-kit';
import { AsyncHealthChecker } from '@tmux-orc/health-checker';
import type { PaneSignals } from './pane-signals.js';
import type { MonitoredPane, Observation } from '@tmux-orc/strategies';
import type { AgentView } from './actions/agent-view.js';
import { CaptureReplay, createTmuxConnectionPool, EventPaneLister, PaneLister, type PaneChange, type PaneInfo, type TmuxRunner, type TmuxServer } from '@tmux-orc/tmux-pool';
import type { MonitorClocks, MonitorPool } from './monitor-api.js';
import { createScreenCache } from './screen-cache.js';

/** The agent option every listing reads anyway (`PaneInfo.agentOption`). */
export const builtInAgentOption = '@tmux-orc-agent';

/** One tmux server the monitor watches, with its pool, checker and lister, and whether it answers. */
export interface WatchedServer {
  /** `-L name`, `-S path` or `(default)`: the server in logs, status and agent ids. */
  readonly label: string;
  /** Prefix of this server's agent ids (see `formatAgentId`). */
  readonly idPrefix: string;
  /** `me@box` for a server on another host (reached over SSH); null for this machine. */
  readonly host: string | null;
  readonly pool: MonitorPool;
  readonly checker: AsyncHealthChecker;
  /**
   * Lists the server's panes every cycle, with the role and agent options discovery reads: a
   * `PaneLister`, or with `monitoring.async.discovery: events` an `EventPaneLister` (closed with the server).
   */
  readonly lister: { list(): Promise<readonly PaneInfo[]>; close?(): Promise<void> };
  /** The strategy's observations of the last cycle, by pane id. */
  observations: Map<string, Observation>;
  up: boolean;
  error: string | null;
  /** The code of the error that made it unreachable (`TMUX_SERVER_GONE`, …), null when up. */
  errorCode: string | null;
  failures: number;
  /** When (wall clock, ms) it answered again after failing; null if it never failed. */
  backAt: number | null;
  /** A remote host is not tried before this (monotonic ms): the backoff after a failure. */
  retryAt: number;
  /** True while an observation of a remote host runs (maybe past the cycle that started it). */
  busy: boolean;
  /** Each pane's `since` as the checker gave it (monotonic) and in wall time, so it stays put between cycles. */
  readonly sinceInWallTime: Map<string, { readonly monotonic: number; readonly wall: number }>;
  /** Each listed pane's title, foreground process and activity, with how long each has held. */
  readonly signals: Map<string, PaneSignals>;
  /** The last cycle that tracked every pane; undefined before the first (see `observeServer`). */
  steady?: SteadyCycle;
}

/**
 * What a server's last full observation gave: a cycle that gets the same panes array and the same
 * observations back from the strategy (nothing changed, nothing looked at) reuses its views.
 */
export interface SteadyCycle {
  readonly panes: readonly MonitoredPane[];
  readonly observed: ReadonlyMap<string, Observation>;
  /** The agents' views, without their transitions (reported once, in their cycle). */
  readonly views: AgentView[];
  /** Wall time (ms) of the latest cycle that found these panes unchanged: their signals still held then. */
  confirmedAt: number;
}

/** The pool of one server as the config describes it (`monitoring.async.pool`). */
export function poolFromConfig(server: TmuxServer, config: Config): MonitorPool {
  const pool = config.monitoring.async.pool;
  return createTmuxConnectionPool({
    server,
    transport: pool.transport === 'control' ? 'auto' : 'exec',
    // One control client per SSH host (one ssh session of its master): a second would only add a
    // session to the same connection, and the round trip, not tmux, bounds a distant cycle.
    maxSize: server.ssh === undefined ? pool.max_size : 1,
    minSize: server.ssh === undefined ? pool.min_size : 1,
    acquireTimeoutMs: pool.connection_timeout * 1000,
    maxAgeMs: pool.max_age * 1000,
  });
}

/**
 * What the lister and checker of a server run through: the pool itself, or for a server on another
 * host a `CaptureReplay` over it, so that a cycle costs one round trip to the host, not two.
 */
function distantRunner(server: TmuxServer, pool: MonitorPool): TmuxRunner {
  const { runInOrder } = pool;
  if (server.ssh === undefined || runInOrder === undefined) return pool;
  return new CaptureReplay({ run: (args, options) => pool.run(args, options), runInOrder: (commands) => runInOrder.call(pool, commands) });
}

/**
 * Checks in flight at once, set in this one place: `monitoring.async.concurrency` when given; one
 * at a time with `monitoring.async.enabled: false`; else undefined, and the checker's default
 * follows the pool's transport (see `AsyncHealthChecker`).
 */
export function checkerConcurrency(config: Config): { concurrency?: number } {
  const { enabled, concurrency } = config.monitoring.async;
  if (!enabled) return { concurrency: 1 };
  return concurrency === null ? {} : { concurrency };
}

/** How {@link watchServer} sets up a server's checker and lister. */
export interface WatchServerOptions {
  /** Settle first sights with tmux's `window_activity` (one-off checks). */
  readonly firstSightFromWindowActivity: boolean;
  /** The detectors the checker chooses from: config's plugins before the built-ins. */
  readonly detectors: readonly AgentDetector[];
  /** With `discovery: events`, hears of every change tmux reports. */
  readonly onChange?: (change: PaneChange) => void;
}

/**
 * Opens (lazily: no tmux client starts before the first command) the pool, checker and lister of
 * one server. With `discovery: events` over control mode, `onChange` hears of every change tmux reports.
 */
export function watchServer(
  target: { readonly server: TmuxServer; readonly label: string; readonly prefix: string; readonly host: string | null },
  config: Config,
  pool: MonitorPool,
  clocks: MonitorClocks,
  options: WatchServerOptions,
): WatchedServer {
  const { firstSightFromWindowActivity, detectors, onChange = () => {} } = options;
  const runner = distantRunner(target.server, pool);
  const checker = new AsyncHealthChecker({
    detectors,
    runner,
    // Debounce and `since` on the monotonic clock (a wall-clock jump must not end a debounce);
    // observe-server.ts turns `since` into wall time. The wall clock meets tmux's window_activity.
    clock: clocks.monotonic,
    wallClock: clocks.wall,
    firstSightFromWindowActivity,
    debounceMs: config.monitoring.debounce * 1000,
    ...checkerConcurrency(config),
    cache: createScreenCache(config.monitoring.async.cache, clocks.monotonic),
  });
  const { agent_option: agentOption, pm } = config.discovery;
  const userOptions = agentOption === builtInAgentOption ? [pm.role_option] : [pm.role_option, agentOption];
  const events = config.monitoring.async.discovery === 'events' && config.monitoring.async.pool.transport === 'control';
  const lister = events ? new EventPaneLister(pool, { userOptions, server: target.server, onChange }) : new PaneLister(runner, { userOptions });
  return { label: target.label, idPrefix: target.prefix, host: target.host, pool, checker, lister, observations: new Map(), up: true, error: null, errorCode: null, failures: 0, backAt: null, retryAt: 0, busy: false, sinceInWallTime: new Map(), signals: new Map() };
}

import type { Config } from '@tmux-orc/config';
import type { AgentDetector } from '@tmux-orc/detector-kit';
import type { AgentView } from './actions/agent-view.js';
import type { GoneAgent } from './actions/alerts.js';
import type { ChangeTrigger } from './change-trigger.js';
import { observeOnSchedule, type HostSchedule } from './host-schedule.js';
import type { MonitorDeps } from './monitor-api.js';
import { observeWatchedServer, type ServerCycleContext } from './server-cycle.js';
import { configuredServers } from './server-identity.js';
import { markUnreachable } from './server-reachability.js';
import { poolFromConfig, watchServer, type WatchedServer } from './watched-server.js';

/** Every server of one cycle, observed: the agents seen, those gone, and how many servers failed. */
export interface ObservedServers {
  readonly all: readonly WatchedServer[];
  readonly views: AgentView[];
  readonly gone: GoneAgent[];
  readonly failed: number;
}

/** The servers the monitor watches, opened on the first cycle (with the detectors then loaded) and closed by `close`. */
export interface ServerSet {
  observe(detectors: readonly AgentDetector[]): Promise<ObservedServers>;
  /** The servers opened so far (none before the first cycle or after `close`). */
  opened(): readonly WatchedServer[];
  close(): Promise<void>;
}

/**
 * Creates the {@link ServerSet}. Servers are observed in parallel: a slow or unreachable one never
 * holds up the others, and a host on SSH also has its own deadline and backoff (host-schedule.ts).
 * With `discovery: events`, each server's changes go to `trigger`.
 */
export function createServerSet(context: ServerCycleContext, deps: MonitorDeps, trigger: () => ChangeTrigger, onLate: () => void): ServerSet {
  const { config, clocks, logger } = context;
  let servers: WatchedServer[] | undefined;
  const schedule: HostSchedule = {
    deadlineMs: config.monitoring.async.pool.connection_timeout * 1000,
    clock: clocks.monotonic,
    timers: clocks.timers,
    onLate(watched, error) {
      onLate();
      markUnreachable(watched, error, config.monitoring.max_failures, logger);
    },
  };

  const open = (detectors: readonly AgentDetector[], cfg: Config): WatchedServer[] =>
    (servers ??= configuredServers(cfg).map((target) => {
      // Called only once tmux reports a change, long after `watched` is assigned.
      const watched: WatchedServer = watchServer(target, cfg, (deps.createPool ?? poolFromConfig)(target.server, cfg), clocks, {
        firstSightFromWindowActivity: deps.firstSightFromWindowActivity ?? false,
        detectors,
        onChange: (change) => trigger().changed(change, watched.observations),
      });
      return watched;
    }));

  return {
    async observe(detectors) {
      const all = open(detectors, config);
      const seen = await Promise.all(all.map((watched) => observeOnSchedule(watched, () => observeWatchedServer(watched, all, context), schedule)));
      return {
        all,
        views: seen.flatMap((one) => one?.views ?? []),
        gone: seen.flatMap((one) => one?.gone ?? []),
        failed: seen.filter((one) => one === null).length,
      };
    },
    opened: () => servers ?? [],
    async close() {
      const closing = servers ?? [];
      servers = undefined;
      await Promise.allSettled(closing.flatMap((s) => [s.pool.close(), s.lister.close?.()]));
    },
  };
}

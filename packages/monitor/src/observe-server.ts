import type { MonitoringStrategy, Observation } from '@tmux-orc/strategies';
import type { AgentView } from './actions/agent-view.js';
import type { GoneAgent } from './actions/alerts.js';
import type { AgentStateTracker } from './agent-state-tracker.js';
import type { MonotonicClock } from '@tmux-orc/clock';
import type { MonitoredPane } from '@tmux-orc/strategies';
import { nextSignals } from './pane-signals.js';
import { agentStateKey } from './server-identity.js';
import type { WatchedServer } from './watched-server.js';

/** What one server contributed to a cycle: the agents seen, and those gone since the last cycle. */
export interface ServerObservation {
  readonly views: AgentView[];
  readonly gone: GoneAgent[];
}

/** A pane the checker found gone between listing and capture: skipped this cycle, not fatal. */
function vanished(observation: Observation): boolean {
  return observation.result.detail.vanished === true;
}

/**
 * Lets the strategy observe a server's listed panes, records each result in the tracker (which
 * emits transitions), and forgets the server's agents that are no longer there. Results leave here
 * with `since` in wall time (ms since the epoch): the checker dates them on the monotonic clock.
 */
export async function observeServer(
  watched: WatchedServer,
  panes: readonly MonitoredPane[],
  strategy: MonitoringStrategy,
  tracker: AgentStateTracker,
  clocks: { readonly monotonic: MonotonicClock; readonly wall: { now(): number } },
  /** Wall-clock now, and how long after a server came back its vanished agents are not yet missing. */
  grace: { readonly now: number; readonly ms: number },
  /** The monitor's debounce (ms), for strategies that skip captures (see `StrategyServices.debounceMs`). */
  debounceMs?: number,
): Promise<ServerObservation> {
  const steady = watched.steady;
  // The same panes array as the last cycle's: the observations are of exactly these panes.
  const samePanes = steady?.panes === panes;
  const listedIds = samePanes ? undefined : new Set(panes.map((pane) => pane.id));
  const previous = listedIds === undefined ? watched.observations : new Map([...watched.observations].filter(([id]) => listedIds.has(id)));
  const services = { runner: watched.pool, checker: watched.checker, clock: clocks.monotonic, ...(debounceMs === undefined ? {} : { debounceMs }) };
  const observed = await strategy.observe({ panes, previous, services });
  watched.observations = observed;
  // No pane changed and the strategy kept every observation as it was: nothing to track again.
  if (steady !== undefined && samePanes && observed === previous && observed === steady.observed) {
    steady.confirmedAt = grace.now;
    return { views: steady.views, gone: [] };
  }

  const views: AgentView[] = [];
  const present = new Set<string>();
  const offset = clocks.wall.now() - clocks.monotonic.now();
  const wallSince = (paneId: string, monotonic: number): number => {
    const known = watched.sinceInWallTime.get(paneId);
    if (known?.monotonic === monotonic) return known.wall;
    const wall = Math.round(monotonic + offset);
    watched.sinceInWallTime.set(paneId, { monotonic, wall });
    return wall;
  };
  for (const paneId of watched.signals.keys()) if (listedIds !== undefined && !listedIds.has(paneId)) watched.signals.delete(paneId);
  for (const pane of panes) {
    watched.signals.set(pane.id, nextSignals(watched.signals.get(pane.id), pane, grace.now));
    const observation = observed.get(pane.id);
    if (observation === undefined || vanished(observation)) continue;
    const agentId = `${watched.idPrefix}${pane.id}`;
    present.add(agentId);
    const result = { ...observation.result, since: wallSince(pane.id, observation.result.since) };
    const transition = tracker.update(agentId, pane, result);
    views.push({ agentId, stateKey: agentStateKey(watched.idPrefix, pane), pane, result, runner: watched.pool, transition, serverLabel: watched.label });
  }
  const gone: GoneAgent[] = [];
  const graceUntil = watched.backAt === null ? null : watched.backAt + grace.ms;
  for (const record of tracker.all()) {
    if (!record.agentId.startsWith(watched.idPrefix) || present.has(record.agentId)) continue;
    tracker.remove(record.agentId);
    watched.sinceInWallTime.delete(record.pane.id);
    gone.push({ agentId: record.agentId, stateKey: agentStateKey(watched.idPrefix, record.pane), pane: record.pane, graceUntil: graceUntil !== null && graceUntil > grace.now ? graceUntil : null });
  }
  watched.steady = { panes, observed, views: views.map((view) => (view.transition === undefined ? view : { ...view, transition: undefined })), confirmedAt: grace.now };
  return { views, gone };
}

import type { Config } from '@tmux-orc/config';
import type { Logger } from '@tmux-orc/tmux-pool';
import type { AgentStateTracker } from './agent-state-tracker.js';
import { listAgents } from './list-agents.js';
import type { MonitorClocks } from './monitor-api.js';
import { MonitorError } from './monitor-error.js';
import { observeServer, type ServerObservation } from './observe-server.js';
import { markReachable, markUnreachable } from './server-reachability.js';
import type { StrategySource } from './strategy-source.js';
import type { WatchedServer } from './watched-server.js';

/** What one server's part of a cycle needs from the monitor. */
export interface ServerCycleContext {
  readonly config: Config;
  readonly tracker: AgentStateTracker;
  readonly strategies: StrategySource;
  readonly clocks: MonitorClocks;
  readonly logger: Logger;
  /** How long after a server came back its vanished agents are not yet missing (ms). */
  readonly missingGraceMs: number;
}

/**
 * One server's part of a cycle: lists its agents, observes and tracks them. A server that cannot
 * be listed is recorded as unreachable (`server-reachability.ts`) and yields nothing: its failure
 * never stops the other servers'. Resolves to null then, so the monitor can count it. A strategy
 * that throws rejects with `STRATEGY_FAILED`, naming the strategy, the server and what it threw.
 */
export async function observeWatchedServer(
  watched: WatchedServer,
  all: readonly WatchedServer[],
  context: ServerCycleContext,
): Promise<ServerObservation | null> {
  const { config, clocks, logger } = context;
  let panes;
  try {
    panes = await listAgents(watched, config);
  } catch (error) {
    markUnreachable(watched, error, config.monitoring.max_failures, logger);
    return null;
  }
  markReachable(watched, logger, clocks.wall.now());
  const strategy = await context.strategies.current(all);
  let seen;
  try {
    // The strategy learns the debounce, so that adaptive looks at an active agent again once it has passed.
    seen = await observeServer(watched, panes, strategy, context.tracker, clocks, { now: clocks.wall.now(), ms: context.missingGraceMs }, config.monitoring.debounce * 1000);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new MonitorError('STRATEGY_FAILED', `Expected strategy \`${strategy.name}\` to observe the ${panes.length} pane${panes.length === 1 ? '' : 's'} of ${watched.label}, but it threw: ${message}`, { cause: error });
  }
  for (const agent of seen.gone) logger.info('agent gone', { agent: agent.agentId, target: agent.pane.target });
  return seen;
}

import type { ControlConnector } from './control-connector.js';
import type { ControlModeConnection } from './control-mode-connection.js';
import { TmuxNoSessionsError } from './errors/tmux-no-sessions-error.js';
import type { ExecReason } from './pool-metrics.js';
import type { PooledConnections } from './pooled-connections.js';

/**
 * What one look at the pool decides: a control connection, already reserved for the caller
 * (`opened` when made for it), exec and why, look again (a shared connection attempt ended), or
 * wait for room (every connection full).
 */
export type Choice =
  | { readonly kind: 'control'; readonly connection: ControlModeConnection; readonly opened: boolean }
  | { readonly kind: 'exec'; readonly reason: ExecReason }
  | { readonly kind: 'again' | 'full' };

/** What `chooseConnection` looks at. */
export interface PoolView {
  readonly pooled: PooledConnections;
  readonly connector: ControlConnector;
  readonly maxSize: number;
  readonly growAtInFlight: number;
  /** True when the pool was made with `transport: 'exec'`. */
  readonly execRequested: boolean;
  /** Opens a connection and adds it to `pooled`, reserved for the caller. */
  open(): Promise<ControlModeConnection>;
}

/**
 * Decides where one command goes. The least-loaded connection, unless it already pipelines
 * `growAtInFlight` commands and another may open; exec when control mode is not (or not yet) possible.
 */
export async function chooseConnection(pool: PoolView): Promise<Choice> {
  const { pooled, connector } = pool;
  if (connector.fallbackReason !== null) return { kind: 'exec', reason: pool.execRequested ? 'requested' : 'fallback' };
  // Concurrent callers share one connection attempt, then look again: the new connection may
  // already carry enough to justify another.
  const attempt = connector.attempt;
  if (attempt !== undefined) return outcomeOf(connector, attempt.then(() => ({ kind: 'again' })));
  const best = pooled.leastLoaded();
  const wantsAnother = best === undefined || pooled.load(best) >= pool.growAtInFlight;
  const mayOpen = pooled.openCount < pool.maxSize && connector.mayOpen();
  if (wantsAnother && mayOpen) return outcomeOf(connector, pool.open().then((connection) => ({ kind: 'control', connection, opened: true })));
  // Reserved in the same tick it was chosen in, so concurrent callers see its load.
  if (best !== undefined) return { kind: 'control', connection: pooled.reserve(best), opened: false };
  // No connection, and none may open yet: the server had no session a moment ago.
  return pooled.size === 0 ? { kind: 'exec', reason: 'no_sessions' } : { kind: 'full' };
}

/** A connection attempt's choice, or exec when it failed for want of a session or of control mode. */
async function outcomeOf(connector: ControlConnector, attempt: Promise<Choice>): Promise<Choice> {
  try {
    return await attempt;
  } catch (error) {
    // Nothing to attach to: commands that need no session (list-panes -a) still work over exec.
    if (error instanceof TmuxNoSessionsError) return { kind: 'exec', reason: 'no_sessions' };
    if (connector.fallbackReason !== null) return { kind: 'exec', reason: 'fallback' };
    throw error;
  }
}

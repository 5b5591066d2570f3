import type { TimerProvider } from '@tmux-orc/clock';
import type { PooledConnections } from './pooled-connections.js';
import { unrefTimer } from './unref-timer.js';

/** When and how to ping a pool's idle connections. */
export interface IdlePingOptions {
  /** How often, in ms; 0 turns pings off. */
  readonly intervalMs: number;
  /** How long a ping may take before the connection counts as stalled, in ms. */
  readonly timeoutMs: number;
  readonly timers: TimerProvider;
}

/**
 * Pings every idle connection each `intervalMs` (`display-message -p`), so a client whose server
 * stalled is found unhealthy before a command needs it; `afterRound` then prunes. The timer does
 * not keep the process alive. Returns the function that stops the pings.
 */
export function startIdlePings(pooled: PooledConnections, options: IdlePingOptions, afterRound: () => void): () => void {
  if (options.intervalMs <= 0) return () => {};
  const round = async (): Promise<void> => {
    const ping = pooled.idle().map((connection) => connection.run(['display-message', '-p', 'ping'], { timeoutMs: options.timeoutMs }).catch(() => {}));
    await Promise.all(ping);
    afterRound();
  };
  const timer = options.timers.setInterval(() => void round(), options.intervalMs);
  unrefTimer(timer);
  return () => options.timers.clearInterval(timer);
}

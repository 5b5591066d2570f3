import { ControlModeConnection } from './control-mode-connection.js';
import { TmuxNoSessionsError } from './errors/tmux-no-sessions-error.js';
import { TmuxPoolError } from './errors/tmux-pool-error.js';
import type { ResolvedPoolOptions } from './pool-options.js';

// After "no sessions", control mode is tried again no sooner than this.
const NO_SESSIONS_RETRY_MS = 1000;

/** True for the failures that show control mode cannot work here (the pool then falls back to exec). */
function meansNoControlMode(error: unknown): error is TmuxPoolError {
  return error instanceof TmuxPoolError && (error.code === 'TMUX_CONTROL_MODE_UNAVAILABLE' || error.code === 'TMUX_ATTACH_TIMEOUT');
}

/**
 * Opens a pool's control connections, one attempt at a time, and remembers what the attempts
 * taught: that the server had no session a moment ago, or that control mode cannot work here
 * (with `transport: 'auto'` the pool then runs on exec for good).
 */
export class ControlConnector {
  private noSessionsUntil = 0;
  private reason: string | null;
  private current: Promise<ControlModeConnection> | undefined;

  constructor(private readonly options: ResolvedPoolOptions) {
    this.reason = options.transport === 'exec' ? 'exec transport requested' : null;
  }

  /** Why the pool runs on exec; null while control mode may be used. */
  get fallbackReason(): string | null {
    return this.reason;
  }

  /** The attempt under way, which concurrent acquisitions share instead of starting their own. */
  get attempt(): Promise<ControlModeConnection> | undefined {
    return this.current;
  }

  /** False within a short while after the server said it had no session. */
  mayOpen(): boolean {
    return this.options.clock.now() >= this.noSessionsUntil;
  }

  /** Opens a connection; failures are classified before anyone awaiting the attempt sees them. */
  async open(): Promise<ControlModeConnection> {
    const { server, commandTimeoutMs, controlTmuxPath, timers, clock } = this.options;
    const attempt = ControlModeConnection.connect({ server, commandTimeoutMs, tmuxPath: controlTmuxPath, timers }).catch((error: unknown) => {
      if (error instanceof TmuxNoSessionsError) this.noSessionsUntil = clock.now() + NO_SESSIONS_RETRY_MS;
      if (meansNoControlMode(error) && this.options.transport === 'auto') this.fallBack(error.message);
      throw error;
    });
    this.current = attempt;
    try {
      return await attempt;
    } finally {
      this.current = undefined;
    }
  }

  private fallBack(reason: string): void {
    if (this.reason !== null) return;
    this.reason = reason;
    this.options.logger.warn('tmux control mode unavailable; falling back to one tmux process per command', { reason });
  }
}

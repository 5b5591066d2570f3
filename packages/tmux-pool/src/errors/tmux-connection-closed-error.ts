import { TmuxPoolError } from './tmux-pool-error.js';

/**
 * The connection ended while the command waited, but the server may still run: the control client
 * was closed by us, killed, or detached (for example its session was destroyed).
 */
export class TmuxConnectionClosedError extends TmuxPoolError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('TMUX_CONNECTION_CLOSED', `tmux connection closed: ${detail}`, options);
  }
}

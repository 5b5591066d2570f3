import { TmuxPoolError } from './tmux-pool-error.js';

/** The tmux server is not running (never started, killed, or exited while a command was in flight). */
export class TmuxServerGoneError extends TmuxPoolError {
  readonly server: string;

  constructor(server: string, detail: string, options?: { cause?: unknown }) {
    super('TMUX_SERVER_GONE', `tmux server ${server} is not running: ${detail}`, options);
    this.server = server;
  }
}

import { TmuxPoolError } from './tmux-pool-error.js';

/**
 * A `tmux -C attach-session` client did not answer its attach within the connect timeout, while the
 * server itself still answered a probe: control mode does not work here.
 */
export class TmuxAttachTimeoutError extends TmuxPoolError {
  readonly timeoutMs: number;

  constructor(server: string, timeoutMs: number, options?: { cause?: unknown }) {
    super('TMUX_ATTACH_TIMEOUT', `Expected tmux -C to attach to server ${server} within ${timeoutMs} ms, got no answer`, options);
    this.timeoutMs = timeoutMs;
  }
}

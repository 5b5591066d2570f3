import { TmuxPoolError } from './tmux-pool-error.js';

/** tmux did not answer a command within its timeout. */
export class TmuxTimeoutError extends TmuxPoolError {
  readonly command: readonly string[];
  readonly timeoutMs: number;

  constructor(command: readonly string[], timeoutMs: number) {
    super('TMUX_TIMEOUT', `tmux ${command[0] ?? ''} got no answer within ${timeoutMs} ms`);
    this.command = command;
    this.timeoutMs = timeoutMs;
  }
}

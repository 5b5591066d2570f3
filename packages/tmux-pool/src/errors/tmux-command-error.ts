import { TmuxPoolError } from './tmux-pool-error.js';

/** tmux ran the command and answered with an error (`%error` in control mode, a non-zero exit in exec mode). */
export class TmuxCommandError extends TmuxPoolError {
  /** The command as argv, without the leading `tmux`. */
  readonly command: readonly string[];
  /** What tmux said, verbatim. */
  readonly tmuxMessage: string;

  constructor(command: readonly string[], tmuxMessage: string, options?: { cause?: unknown }) {
    super('TMUX_COMMAND_FAILED', `tmux ${command[0] ?? ''} failed: ${tmuxMessage || '(no message)'}`, options);
    this.command = command;
    this.tmuxMessage = tmuxMessage;
  }

  /** True when tmux says the target (pane, window, session) does not exist. */
  get isMissingTarget(): boolean {
    return /can't find|no such (pane|window|session)|no current target/i.test(this.tmuxMessage);
  }
}

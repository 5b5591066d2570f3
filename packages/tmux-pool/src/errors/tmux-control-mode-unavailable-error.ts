import { TmuxPoolError } from './tmux-pool-error.js';

/** A control-mode client could not be started (no tmux binary, a tmux without `-C`/attach flags, …). */
export class TmuxControlModeUnavailableError extends TmuxPoolError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('TMUX_CONTROL_MODE_UNAVAILABLE', `tmux control mode is unavailable: ${detail}`, options);
  }
}

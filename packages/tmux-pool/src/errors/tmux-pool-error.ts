/** Every error code this package throws, so callers can switch on `error.code`. */
export const TMUX_POOL_ERROR_CODES = [
  'TMUX_COMMAND_FAILED',
  'TMUX_SERVER_GONE',
  'TMUX_TIMEOUT',
  'TMUX_CONNECTION_CLOSED',
  'TMUX_NO_SESSIONS',
  'TMUX_CONTROL_MODE_UNAVAILABLE',
  'TMUX_ATTACH_TIMEOUT',
  'TMUX_ACQUIRE_TIMEOUT',
  'TMUX_INVALID_OPTION',
] as const;

export type TmuxPoolErrorCode = (typeof TMUX_POOL_ERROR_CODES)[number];

/** Base class of every error thrown by `@tmux-orc/tmux-pool`. */
export class TmuxPoolError extends Error {
  readonly code: TmuxPoolErrorCode;

  constructor(code: TmuxPoolErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

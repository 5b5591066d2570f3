/** Every `code` a {@link TmuxPoolError} can carry; stable across versions, safe to switch on. */
export const tmuxPoolErrorCodes = [
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

/** One of {@link tmuxPoolErrorCodes}. */
export type TmuxPoolErrorCode = (typeof tmuxPoolErrorCodes)[number];

/** Marks every TmuxPoolError, whichever copy of this package made it (`Symbol.for` is process-wide). */
const marker = Symbol.for('@tmux-orc/tmux-pool.TmuxPoolError');

/**
 * The base of every error `@tmux-orc/tmux-pool` throws: a `code` to branch on (subclasses add the
 * details of their case), and the `cause` when there is one.
 */
export class TmuxPoolError extends Error {
  readonly [marker] = true;
  /** Why it was thrown. */
  readonly code: TmuxPoolErrorCode;

  constructor(code: TmuxPoolErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }

  /** True for a TmuxPoolError (or a subclass) of any copy of `@tmux-orc/tmux-pool`, where `instanceof` sees only its own. */
  static isInstance(error: unknown): error is TmuxPoolError {
    return typeof error === 'object' && error !== null && (error as { [marker]?: unknown })[marker] === true;
  }
}

/** Every `code` a {@link HealthCheckerError} can carry; stable across versions, safe to switch on. */
export const healthCheckerErrorCodes = [
  'INVALID_OPTION',
  'CAPTURE_FAILED',
] as const;

/** One of {@link healthCheckerErrorCodes}. */
export type HealthCheckerErrorCode = (typeof healthCheckerErrorCodes)[number];

/** Marks every HealthCheckerError, whichever copy of this package made it (`Symbol.for` is process-wide). */
const marker = Symbol.for('@tmux-orc/health-checker.HealthCheckerError');

/**
 * The base error of `@tmux-orc/health-checker`: a `code` to branch on, and the `cause` when there
 * is one (a failed capture carries the tmux-pool error).
 */
export class HealthCheckerError extends Error {
  readonly [marker] = true;
  /** Why it was thrown. */
  readonly code: HealthCheckerErrorCode;

  constructor(code: HealthCheckerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }

  /** True for a HealthCheckerError (or a subclass) of any copy of `@tmux-orc/health-checker`, where `instanceof` sees only its own. */
  static isInstance(error: unknown): error is HealthCheckerError {
    return typeof error === 'object' && error !== null && (error as { [marker]?: unknown })[marker] === true;
  }
}

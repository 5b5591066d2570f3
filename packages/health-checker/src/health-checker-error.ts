/** Every `code` a {@link HealthCheckerError} can carry; stable across versions, safe to switch on. */
export const healthCheckerErrorCodes = [
  'INVALID_OPTION',
  'CAPTURE_FAILED',
] as const;

/** One of {@link healthCheckerErrorCodes}. */
export type HealthCheckerErrorCode = (typeof healthCheckerErrorCodes)[number];

/**
 * The base error of `@tmux-orc/health-checker`: a `code` to branch on, and the `cause` when there
 * is one (a failed capture carries the tmux-pool error).
 */
export class HealthCheckerError extends Error {
  /** Why it was thrown. */
  readonly code: HealthCheckerErrorCode;

  constructor(code: HealthCheckerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

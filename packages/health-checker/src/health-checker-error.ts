/** Every error code of `@tmux-orc/health-checker`. */
export const healthCheckerErrorCodes = ['INVALID_OPTION', 'CAPTURE_FAILED'] as const;

/** One of {@link healthCheckerErrorCodes}. */
export type HealthCheckerErrorCode = (typeof healthCheckerErrorCodes)[number];

/** The base error of this package: a `code` to branch on, and the `cause` when one exists. */
export class HealthCheckerError extends Error {
  override readonly name = 'HealthCheckerError';
  readonly code: HealthCheckerErrorCode;

  constructor(code: HealthCheckerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

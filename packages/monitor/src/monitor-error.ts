/** Every error code `@tmux-orc/monitor` throws, so callers can switch on `error.code`. */
export const monitorErrorCodes = ['INVALID_OPTION', 'STRATEGY_UNAVAILABLE', 'STRATEGY_FAILED', 'DETECTORS_UNAVAILABLE', 'ALREADY_STARTED', 'UNKNOWN_AGENT'] as const;

/** One of {@link monitorErrorCodes}. */
export type MonitorErrorCode = (typeof monitorErrorCodes)[number];

/** Base class of every error thrown by `@tmux-orc/monitor`. */
export class MonitorError extends Error {
  readonly code: MonitorErrorCode;

  constructor(code: MonitorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MonitorError';
    this.code = code;
  }
}

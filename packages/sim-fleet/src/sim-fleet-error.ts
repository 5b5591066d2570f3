/** Every way a sandbox or a simulated fleet can fail, as a stable code a caller can branch on. */
export const simFleetErrorCodes = ['TMUX_COMMAND_FAILED', 'SANDBOX_KILLED', 'SCREEN_TIMEOUT', 'SPAWN_FAILED', 'INVALID_OPTION', 'NOT_IN_TEST'] as const;

/** The code of a {@link SimFleetError}. */
export type SimFleetErrorCode = (typeof simFleetErrorCodes)[number];

/** Base error of `@tmux-orc/sim-fleet`: a stable `code` plus the underlying `cause`. */
export class SimFleetError extends Error {
  override readonly name = 'SimFleetError';
  readonly code: SimFleetErrorCode;

  constructor(code: SimFleetErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

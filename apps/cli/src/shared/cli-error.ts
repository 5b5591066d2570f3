/** Every error code the `tmux-orc` command throws. */
export const cliErrorCodes = ['LOCK_FAILED', 'HOME_NOT_WRITABLE', 'HOME_NOT_PRIVATE', 'UNSAFE_FILE'] as const;

/** One of {@link cliErrorCodes}. */
export type CliErrorCode = (typeof cliErrorCodes)[number];

/** Base class of the errors the `tmux-orc` command raises itself. */
export class CliError extends Error {
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
    this.code = code;
  }
}

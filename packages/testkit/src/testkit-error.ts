/** Every way the test kit can fail, as a stable code a test can assert on. */
export const TESTKIT_ERROR_CODES = ['SCREEN_TIMEOUT', 'SPAWN_FAILED', 'INVALID_OPTION'] as const;

/** The code of a {@link TestkitError}. */
export type TestkitErrorCode = (typeof TESTKIT_ERROR_CODES)[number];

/** Base error of `@tmux-orc/testkit`: a stable `code` plus the underlying `cause`. */
export class TestkitError extends Error {
  override readonly name = 'TestkitError';
  readonly code: TestkitErrorCode;

  constructor(code: TestkitErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

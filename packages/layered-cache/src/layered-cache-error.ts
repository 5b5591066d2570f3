/** Every reason a {@link LayeredCacheError} can be thrown. */
export const layeredCacheErrorCodes = [
  'INVALID_OPTION',
  'UNKNOWN_LAYER',
  'INVALID_SIZE',
] as const;

/** The `code` of a {@link LayeredCacheError}. */
export type LayeredCacheErrorCode = (typeof layeredCacheErrorCodes)[number];

/**
 * The one error class thrown by `@tmux-orc/layered-cache` itself.
 *
 * Errors thrown by a caller's `compute` function are passed through unchanged.
 */
export class LayeredCacheError extends Error {
  override readonly name = 'LayeredCacheError';
  /** Why it was thrown; stable across versions, safe to switch on. */
  readonly code: LayeredCacheErrorCode;

  constructor(code: LayeredCacheErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

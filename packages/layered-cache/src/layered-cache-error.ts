/** Every `code` a {@link LayeredCacheError} can carry; stable across versions, safe to switch on. */
export const layeredCacheErrorCodes = [
  'INVALID_OPTION',
  'UNKNOWN_LAYER',
  'INVALID_SIZE',
] as const;

/** One of {@link layeredCacheErrorCodes}. */
export type LayeredCacheErrorCode = (typeof layeredCacheErrorCodes)[number];

/**
 * The one error class thrown by `@tmux-orc/layered-cache` itself: a `code` to branch on, and the
 * `cause` when there is one. Errors thrown by a caller's `compute` function pass through unchanged.
 */
export class LayeredCacheError extends Error {
  /** Why it was thrown. */
  readonly code: LayeredCacheErrorCode;

  constructor(code: LayeredCacheErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

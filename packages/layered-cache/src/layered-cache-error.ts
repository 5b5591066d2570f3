/** Every `code` a {@link LayeredCacheError} can carry; stable across versions, safe to switch on. */
export const layeredCacheErrorCodes = [
  'INVALID_OPTION',
  'UNKNOWN_LAYER',
  'INVALID_SIZE',
] as const;

/** One of {@link layeredCacheErrorCodes}. */
export type LayeredCacheErrorCode = (typeof layeredCacheErrorCodes)[number];

/** Marks every LayeredCacheError, whichever copy of this package made it (`Symbol.for` is process-wide). */
const marker = Symbol.for('@tmux-orc/layered-cache.LayeredCacheError');

/**
 * The one error class thrown by `@tmux-orc/layered-cache` itself: a `code` to branch on, and the
 * `cause` when there is one. Errors thrown by a caller's `compute` function pass through unchanged.
 */
export class LayeredCacheError extends Error {
  readonly [marker] = true;
  /** Why it was thrown. */
  readonly code: LayeredCacheErrorCode;

  constructor(code: LayeredCacheErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }

  /** True for a LayeredCacheError (or a subclass) of any copy of `@tmux-orc/layered-cache`, where `instanceof` sees only its own. */
  static isInstance(error: unknown): error is LayeredCacheError {
    return typeof error === 'object' && error !== null && (error as { [marker]?: unknown })[marker] === true;
  }
}

/** Every error code of `@tmux-orc/detector-kit`; stable across versions, safe to switch on. */
export const detectorErrorCodes = [
  'INVALID_OPTION',
  'DETECTOR_NOT_FOUND',
  'PLUGIN_IMPORT_FAILED',
  'INVALID_PLUGIN',
  'PLUGIN_FACTORY_FAILED',
  'DUPLICATE_DETECTOR',
  'INVALID_FIXTURE',
] as const;

/** One of {@link detectorErrorCodes}. */
export type DetectorErrorCode = (typeof detectorErrorCodes)[number];

/** Marks every DetectorError, whichever copy of this package made it (`Symbol.for` is process-wide). */
const marker = Symbol.for('@tmux-orc/detector-kit.DetectorError');

/**
 * The base error of this package: a `code` to branch on, and the `cause` when one exists. A plugin
 * may bring its own copy of this package, so recognise one with {@link DetectorError.isInstance},
 * not `instanceof`.
 */
export class DetectorError extends Error {
  override readonly name: string = 'DetectorError';
  readonly code: DetectorErrorCode;
  readonly [marker] = true;

  constructor(code: DetectorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** True for a DetectorError (or a subclass) of any copy of `@tmux-orc/detector-kit`. */
  static isInstance(error: unknown): error is DetectorError {
    return typeof error === 'object' && error !== null && (error as { [marker]?: unknown })[marker] === true;
  }
}

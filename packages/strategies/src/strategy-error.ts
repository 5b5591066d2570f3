/** Every error code of `@tmux-orc/strategies`. */
export const strategyErrorCodes = [
  'INVALID_OPTION',
  'STRATEGY_NOT_FOUND',
  'PLUGIN_IMPORT_FAILED',
  'INVALID_PLUGIN',
  'PLUGIN_FACTORY_FAILED',
  'HOST_DISPOSED',
] as const;

/** One of {@link strategyErrorCodes}. */
export type StrategyErrorCode = (typeof strategyErrorCodes)[number];

/** Marks every StrategyError, whichever copy of this package made it (`Symbol.for` is process-wide). */
const marker = Symbol.for('@tmux-orc/strategies.StrategyError');

/**
 * The base error of this package: a `code` to branch on, and the `cause` when one exists. A plugin
 * may bring its own copy of this package, so recognise one with {@link StrategyError.isInstance},
 * not `instanceof`.
 */
export class StrategyError extends Error {
  override readonly name: string = 'StrategyError';
  readonly code: StrategyErrorCode;
  readonly [marker] = true;

  constructor(code: StrategyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** True for a StrategyError of any copy of `@tmux-orc/strategies`. */
  static isInstance(error: unknown): error is StrategyError {
    return typeof error === 'object' && error !== null && (error as { [marker]?: unknown })[marker] === true;
  }
}

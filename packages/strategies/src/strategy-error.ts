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

/** The base error of this package: a `code` to branch on, and the `cause` when one exists. */
export class StrategyError extends Error {
  override readonly name: string = 'StrategyError';
  readonly code: StrategyErrorCode;

  constructor(code: StrategyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

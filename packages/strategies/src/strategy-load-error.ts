import { StrategyError, type StrategyErrorCode } from './strategy-error.js';

/** The codes a {@link StrategyLoadError} carries. */
export type StrategyLoadErrorCode = Extract<StrategyErrorCode, 'STRATEGY_NOT_FOUND' | 'PLUGIN_IMPORT_FAILED' | 'INVALID_PLUGIN' | 'PLUGIN_FACTORY_FAILED'>;

/**
 * A strategy could not be loaded: not found (`looked` lists every place tried), the module failed
 * to import, it exports no factory, or its factory threw or returned something that is not a
 * `MonitoringStrategy` v1. The message names the package or path and what is missing or wrong.
 */
export class StrategyLoadError extends StrategyError {
  override readonly name = 'StrategyLoadError';
  declare readonly code: StrategyLoadErrorCode;
  /** The name as given to `loadStrategy`. */
  readonly strategyName: string;
  /** Every place looked, e.g. `` `tmux-orc-strategy-x` from /home/me/project``. */
  readonly looked: readonly string[];

  constructor(
    code: StrategyLoadErrorCode,
    strategyName: string,
    message: string,
    options?: { cause?: unknown; looked?: readonly string[] },
  ) {
    super(code, message, options);
    this.strategyName = strategyName;
    this.looked = options?.looked ?? [];
  }
}

import { concurrentStrategyFactory } from './concurrent-strategy.js';
import type { StrategyFactory } from './monitoring-strategy.js';
import { pollingStrategyFactory } from './polling-strategy.js';

/** The strategies that ship with this package, by the name config uses. */
export const builtinStrategies: Readonly<Record<string, StrategyFactory>> = Object.freeze({
  polling: pollingStrategyFactory,
  concurrent: concurrentStrategyFactory,
});

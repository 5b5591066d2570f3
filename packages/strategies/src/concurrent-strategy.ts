import type { HealthResult } from './health-result.js';
import type { MonitoringStrategy, Observation, StrategyFactory } from './monitoring-strategy.js';
import { strategySpecificationVersion } from './monitoring-strategy.js';
import { failedCheckResult, freshObservation } from './observation.js';
import { StrategyError } from './strategy-error.js';
import { readStrategyOptions } from './strategy-options.js';

/**
 * Checks every pane at once and lets the checker bound how many are in flight (its one p-limit:
 * `monitoring.async.concurrency`, by default 128 over control mode, where the captures pipeline on
 * one tmux client). A pane whose check fails is `unknown`, saying why.
 */
export function createConcurrentStrategy(): MonitoringStrategy {
  return {
    specificationVersion: strategySpecificationVersion,
    name: 'concurrent',
    description: 'checks every pane at once, as many in flight as the checker allows',
    async observe({ panes, services }) {
      const { checker, clock } = services;
      const results = await Promise.all(
        panes.map(async (pane): Promise<HealthResult> => {
          try {
            return await checker.check(pane);
          } catch (error) {
            return failedCheckResult(error, clock.now());
          }
        }),
      );
      const now = clock.now();
      const observations = new Map<string, Observation>();
      panes.forEach((pane, index) => {
        const result = results[index];
        if (result !== undefined) observations.set(pane.id, freshObservation(pane, result, now));
      });
      return observations;
    },
  };
}

/** The {@link StrategyFactory} of `concurrent`; it takes no options (in-flight checks are `monitoring.async.concurrency`). */
export const concurrentStrategyFactory: StrategyFactory = (options) => {
  if (Object.hasOwn(options, 'concurrency')) {
    throw new StrategyError(
      'INVALID_OPTION',
      'Expected no `concurrency` in the options of strategy `concurrent`: checks in flight are set by `monitoring.async.concurrency` (the checker bounds every strategy), got `concurrency` in `monitoring.async.strategy_options`',
    );
  }
  readStrategyOptions('concurrent', options).rejectUnknown();
  return createConcurrentStrategy();
};

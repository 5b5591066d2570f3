import type { HealthResult } from './health-result.js';
import type { MonitoringStrategy, Observation, StrategyFactory } from './monitoring-strategy.js';
import { strategySpecificationVersion } from './monitoring-strategy.js';
import { failedCheckResult, freshObservation } from './observation.js';
import { readStrategyOptions } from './strategy-options.js';

/**
 * The baseline: checks every pane, one after another (the next capture starts when the previous
 * verdict is in). Over the exec transport this is the "sync" path benchmarks compare against.
 * A pane whose check fails is `unknown`, saying why; the cycle goes on.
 */
export function createPollingStrategy(): MonitoringStrategy {
  return {
    specificationVersion: strategySpecificationVersion,
    name: 'polling',
    description: 'checks every pane, one after another',
    async observe({ panes, services }) {
      const observations = new Map<string, Observation>();
      for (const pane of panes) {
        let result: HealthResult;
        try {
          result = await services.checker.check(pane);
        } catch (error) {
          result = failedCheckResult(error, services.clock.now());
        }
        observations.set(pane.id, freshObservation(pane, result, services.clock.now()));
      }
      return observations;
    },
  };
}

/** The {@link StrategyFactory} of `polling`; it takes no options. */
export const pollingStrategyFactory: StrategyFactory = (options) => {
  readStrategyOptions('polling', options).rejectUnknown();
  return createPollingStrategy();
};

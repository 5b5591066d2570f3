import type { HealthResult } from '@tmux-orc/health-checker';
import pLimit from 'p-limit';
import { describeValue } from './describe-value.js';
import type { MonitoringStrategy, Observation, StrategyFactory } from './monitoring-strategy.js';
import { strategySpecificationVersion } from './monitoring-strategy.js';
import { failedCheckResult, freshObservation } from './observation.js';
import { StrategyError } from './strategy-error.js';
import { readStrategyOptions } from './strategy-options.js';

/** Options of {@link createConcurrentStrategy}. */
export interface ConcurrentStrategyOptions {
  /** Checks in flight at once; a positive integer. Default {@link defaultConcurrency}. */
  readonly concurrency?: number;
}

/** Default of {@link ConcurrentStrategyOptions.concurrency}. */
export const defaultConcurrency = 20;

/**
 * Checks every pane, up to `concurrency` at once (p-limit): over a control-mode pool the captures
 * are pipelined on one tmux client. A pane whose check fails is `unknown`, saying why.
 */
export function createConcurrentStrategy(options: ConcurrentStrategyOptions = {}): MonitoringStrategy {
  const concurrency = options.concurrency ?? defaultConcurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new StrategyError('INVALID_OPTION', `Expected the \`concurrency\` option of strategy \`concurrent\` to be a positive integer, got ${describeValue(concurrency)}`);
  }
  const limit = pLimit(concurrency);
  return {
    specificationVersion: strategySpecificationVersion,
    name: 'concurrent',
    description: `checks every pane, ${concurrency} at a time`,
    async observe({ panes, services }) {
      const { checker, clock } = services;
      const results = await Promise.all(
        panes.map((pane) =>
          limit(async (): Promise<HealthResult> => {
            try {
              return await checker.check(pane);
            } catch (error) {
              return failedCheckResult(error, clock.now());
            }
          }),
        ),
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

/** The {@link StrategyFactory} of `concurrent`: `{ concurrency }` (default 20). */
export const concurrentStrategyFactory: StrategyFactory = (options) => {
  const read = readStrategyOptions('concurrent', options);
  const concurrency = read.positiveInteger('concurrency', defaultConcurrency);
  read.rejectUnknown();
  return createConcurrentStrategy({ concurrency });
};

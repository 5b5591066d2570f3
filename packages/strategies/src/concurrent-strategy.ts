import { controlModeConcurrency, defaultConcurrency, defaultConcurrencyFor, limitsByConcurrency, type HealthResult } from '@tmux-orc/health-checker';
import { describeValue } from './describe-value.js';
import type { MonitoringStrategy, Observation, StrategyFactory } from './monitoring-strategy.js';
import { strategySpecificationVersion } from './monitoring-strategy.js';
import { failedCheckResult, freshObservation } from './observation.js';
import { StrategyError } from './strategy-error.js';
import { readStrategyOptions } from './strategy-options.js';

/** Options of {@link createConcurrentStrategy}. */
export interface ConcurrentStrategyOptions {
  /**
   * Checks in flight at once; a positive integer. Default: 128 while the runner's transport is
   * `control`, else 20 (`defaultConcurrencyFor` of `@tmux-orc/health-checker`).
   */
  readonly concurrency?: number;
}

/**
 * Checks every pane, up to `concurrency` at once (p-limit): over a control-mode pool the captures
 * are pipelined on one tmux client, so the default is deeper there. A pane whose check fails is
 * `unknown`, saying why.
 */
export function createConcurrentStrategy(options: ConcurrentStrategyOptions = {}): MonitoringStrategy {
  const { concurrency } = options;
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
    throw new StrategyError('INVALID_OPTION', `Expected the \`concurrency\` option of strategy \`concurrent\` to be a positive integer, got ${describeValue(concurrency)}`);
  }
  const limitOf = limitsByConcurrency();
  return {
    specificationVersion: strategySpecificationVersion,
    name: 'concurrent',
    description:
      concurrency === undefined
        ? `checks every pane, ${controlModeConcurrency} at a time over control mode, ${defaultConcurrency} over exec`
        : `checks every pane, ${concurrency} at a time`,
    async observe({ panes, services }) {
      const { checker, clock } = services;
      const limit = limitOf(concurrency ?? defaultConcurrencyFor(services.runner));
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

/** The {@link StrategyFactory} of `concurrent`: `{ concurrency }` (default 128 over control mode, 20 over exec). */
export const concurrentStrategyFactory: StrategyFactory = (options) => {
  const read = readStrategyOptions('concurrent', options);
  // 0 (never a valid value) for absent: the default follows the transport, observe by observe.
  const concurrency = read.positiveInteger('concurrency', 0);
  read.rejectUnknown();
  return createConcurrentStrategy(concurrency === 0 ? {} : { concurrency });
};

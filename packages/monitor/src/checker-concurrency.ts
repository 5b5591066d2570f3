import type { Config } from '@tmux-orc/config';

/**
 * Checks in flight at once, when configured: the `concurrent` strategy's `concurrency` option
 * (strategy_options) bounds the checker too, or the strategy's setting would be capped by the
 * checker's. Undefined leaves the checker its default, which follows the pool's transport: 128
 * over control mode, 20 over exec (`defaultConcurrencyFor` in `@tmux-orc/health-checker`).
 */
export function checkerConcurrency(config: Config): number | undefined {
  const option = config.monitoring.async.strategy_options['concurrency'];
  return typeof option === 'number' && Number.isInteger(option) && option > 0 ? option : undefined;
}

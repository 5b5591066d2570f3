import type { Config } from '@tmux-orc/config';

/**
 * Checks in flight at once. The `concurrent` strategy's `concurrency` option (strategy_options)
 * bounds the checker too, or the strategy's setting would be capped at the checker's 20: over
 * control mode a deeper pipeline is what brings a 1000-pane cycle near the physical floor
 * (apps/benchmark: p50 185 ms at 20 in flight, 125 ms at 200, floor 97 ms, same run).
 */
export function checkerConcurrency(config: Config): number {
  const option = config.monitoring.async.strategy_options['concurrency'];
  return typeof option === 'number' && Number.isInteger(option) && option > 0 ? option : 20;
}

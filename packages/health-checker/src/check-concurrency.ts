import pLimit, { type LimitFunction } from 'p-limit';
import type { TmuxRunner } from '@tmux-orc/tmux-pool';

/** Checks in flight at once by default over exec or a plain runner: each one is a tmux process. */
export const defaultConcurrency = 20;

/**
 * Checks in flight at once by default over control mode, where one in flight is a line in a pipe
 * and tmux answers in order: deep enough to keep the single-threaded server busy while we classify.
 * apps/benchmark, 1000 panes, one run: 20 in flight 193 ms a cycle, 64 127 ms, 128 108 ms, 256
 * 131 ms, 1000 158 ms (the pool grows past one client at 64 in flight).
 */
export const controlModeConcurrency = 128;

/** The default concurrency for checks through `runner`: deeper over control mode. */
export function defaultConcurrencyFor(runner: TmuxRunner & { readonly transport?: 'control' | 'exec' }): number {
  return runner.transport === 'control' ? controlModeConcurrency : defaultConcurrency;
}

/**
 * One p-limit per concurrency, made on first use: a checker or strategy whose default follows the
 * runner's transport keeps one queue per depth it has run at.
 */
export function limitsByConcurrency(): (concurrency: number) => LimitFunction {
  const limits = new Map<number, LimitFunction>();
  return (concurrency) => {
    let limit = limits.get(concurrency);
    if (limit === undefined) {
      limit = pLimit(concurrency);
      limits.set(concurrency, limit);
    }
    return limit;
  };
}

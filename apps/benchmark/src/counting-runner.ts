import type { TmuxRunner } from '@tmux-orc/tmux-pool';

/** A runner that counts the commands passing through it, by tmux command name. */
export interface CountingRunner extends TmuxRunner {
  readonly counts: Map<string, number>;
  total(): number;
  reset(): void;
}

/**
 * Wraps `runner` to count commands. The wrapper deliberately has no `transport` property, so a
 * checker sees a plain runner and applies its own concurrency (what "async over exec" means).
 */
export function countingRunner(runner: TmuxRunner): CountingRunner {
  const counts = new Map<string, number>();
  return {
    counts,
    run(args, options) {
      const name = args[0] ?? '';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return runner.run(args, options);
    },
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    reset: () => counts.clear(),
  };
}

import type { Logger } from '@tmux-orc/tmux-pool';

/** Counts of the hook queue, for status and metrics. */
export interface HookQueueStats {
  readonly running: number;
  readonly queued: number;
  /** Hooks never run: the queue was full, or the monitor stopped before their turn. */
  readonly dropped: number;
}

/** Runs hook commands at most `concurrency` at once, queues up to `maxQueued` more, drops the rest. */
export interface HookQueue {
  /** Runs `start` when a slot is free; resolves when it ended or was dropped (never rejects). */
  submit(label: string, start: () => Promise<void>): Promise<void>;
  /** Drops every hook still waiting (they never run); running ones go on. */
  clear(): void;
  stats(): HookQueueStats;
}

/** Creates a {@link HookQueue}; `what` names its jobs in log lines (`hook`, `notification`). */
export function createHookQueue(concurrency: number, maxQueued: number, logger: Logger, what = 'hook'): HookQueue {
  const waiting: { label: string; start: () => Promise<void>; done: () => void }[] = [];
  let running = 0;
  let dropped = 0;

  const next = (): void => {
    while (running < concurrency) {
      const job = waiting.shift();
      if (job === undefined) return;
      running += 1;
      void job
        .start()
        .catch(() => undefined)
        .finally(() => {
          running -= 1;
          job.done();
          next();
        });
    }
  };

  return {
    submit(label, start) {
      if (waiting.length >= maxQueued) {
        dropped += 1;
        logger.warn(`${what} dropped: too many ${what}s waiting`, { [what === 'hook' ? 'command' : 'label']: label, running, queued: waiting.length, dropped });
        return Promise.resolve();
      }
      return new Promise<void>((done) => {
        waiting.push({ label, start, done });
        next();
      });
    },
    clear() {
      for (const job of waiting.splice(0)) {
        dropped += 1;
        job.done();
      }
    },
    stats: () => ({ running, queued: waiting.length, dropped }),
  };
}

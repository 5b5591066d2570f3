import type { TimerHandle, TimerProvider } from '@tmux-orc/clock';

/** Runs cycles when something happened rather than only on the interval (`discovery: events`). */
export interface ChangeTrigger {
  /** tmux reported a change: a cycle now (shared with any cycle already waiting). */
  changed(): void;
  /** After a cycle: when some agent is `active`, a cycle once the debounce has passed, so it can turn `idle`. */
  settleAfter(active: boolean): void;
  /** Clears the pending debounce timer. */
  stop(): void;
}

/** Options of {@link createChangeTrigger}. */
export interface ChangeTriggerOptions {
  readonly timers: TimerProvider;
  readonly debounceMs: number;
  /** Starts a cycle; cycles never overlap and at most one waits (see `CycleLoop.runCycle`). */
  readonly runCycle: () => void;
  /** False before `start` and after `stop`: nothing is triggered then. */
  readonly running: () => boolean;
}

/**
 * Creates a {@link ChangeTrigger}. `idle` needs the screen unchanged for the debounce window and
 * tmux sends nothing while a pane stays quiet, so the debounce is a timer (one for the monitor,
 * re-armed after each cycle that saw an active agent), not a poll.
 */
export function createChangeTrigger(options: ChangeTriggerOptions): ChangeTrigger {
  let timer: TimerHandle | undefined;
  const clear = (): void => {
    if (timer !== undefined) options.timers.clearTimeout(timer);
    timer = undefined;
  };
  return {
    changed() {
      if (options.running()) options.runCycle();
    },
    settleAfter(active) {
      clear();
      if (!active || !options.running()) return;
      timer = options.timers.setTimeout(() => {
        timer = undefined;
        if (options.running()) options.runCycle();
      }, options.debounceMs);
    },
    stop: clear,
  };
}

import type { TimerHandle, TimerProvider } from '@tmux-orc/clock';
import type { Observation } from '@tmux-orc/strategies';
import type { PaneChange } from '@tmux-orc/tmux-pool';

/** Runs cycles when something happened rather than only on the interval (`discovery: events`). */
export interface ChangeTrigger {
  /**
   * tmux reported a change on a server whose last observations are `observations` (by pane id):
   * a cycle now when it may be a transition someone waits for (see {@link wantsCycleNow}); the
   * rest waits for the next interval tick, so a fleet of printing agents costs one cycle an interval.
   */
  changed(change: PaneChange, observations: ReadonlyMap<string, Observation>): void;
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
 * True when a change is worth a cycle before the next tick: panes or windows came or went (an agent
 * started or vanished), or a watched pane that was not `active` printed — an idle agent started
 * work, or an agent waiting for approval, rate-limited or crashed moved on. A pane already `active`
 * printing again is what active agents do all the time: its next look (tick, or the debounce
 * timer) is soon enough, and a change in it (to an approval prompt, say) is seen at the next tick.
 * Panes the monitor does not watch (a user's own shell) never start a cycle.
 */
export function wantsCycleNow(change: PaneChange, observations: ReadonlyMap<string, Observation>): boolean {
  if (change.structural) return true;
  return change.paneIds.some((id) => {
    const state = observations.get(id)?.result.state;
    return state !== undefined && state !== 'active';
  });
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
    changed(change, observations) {
      if (options.running() && wantsCycleNow(change, observations)) options.runCycle();
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

import type { MonotonicClock, WallClock } from './clocks.js';
import type { TimerHandle, TimerProvider } from './timer-provider.js';

/** A clock and timer provider that move only when a test calls `advance`. */
export interface ManualClock extends MonotonicClock, WallClock, TimerProvider {
  /** Moves time forward by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void;
  /** How many timers are scheduled and not yet run or cleared. */
  pendingTimers(): number;
}

interface ScheduledTimer {
  readonly id: number;
  due: number;
  readonly every: number | null;
  readonly callback: () => void;
}

/**
 * Creates a {@link ManualClock} starting at `startMs` (default 1_000_000: some libraries treat 0
 * as "unset"). It serves as the monotonic clock, the wall clock and the timer provider at once.
 *
 * @example
 * const clock = createManualClock();
 * const pool = createTmuxConnectionPool({ server, clock, timers: clock });
 * clock.advance(5_000); // the acquire timeout fires now
 */
export function createManualClock(startMs = 1_000_000): ManualClock {
  if (!Number.isFinite(startMs)) throw new TypeError(`Expected \`startMs\` to be a finite number, got \`${startMs}\``);
  let now = startMs;
  let nextId = 1;
  const timers = new Map<number, ScheduledTimer>();
  const schedule = (callback: () => void, ms: number, every: number | null): TimerHandle => {
    const id = nextId++;
    timers.set(id, { id, due: now + Math.max(0, ms), every, callback });
    return id;
  };
  const clear = (handle: TimerHandle | undefined): void => {
    if (typeof handle === 'number') timers.delete(handle);
  };
  return {
    now: () => now,
    setTimeout: (callback, ms) => schedule(callback, ms, null),
    setInterval: (callback, ms) => schedule(callback, ms, Math.max(1, ms)),
    clearTimeout: clear,
    clearInterval: clear,
    pendingTimers: () => timers.size,
    advance(ms) {
      if (!(ms >= 0)) throw new TypeError(`Expected \`ms\` to be a non-negative number, got \`${ms}\``);
      const target = now + ms;
      for (;;) {
        let next: ScheduledTimer | undefined;
        for (const timer of timers.values()) if (timer.due <= target && (next === undefined || timer.due < next.due)) next = timer;
        if (next === undefined) break;
        now = next.due;
        if (next.every === null) timers.delete(next.id);
        else next.due += next.every;
        next.callback();
      }
      now = target;
    },
  };
}

/**
 * A wall-clock time source in milliseconds since the epoch. The monitor dates states (`since`),
 * cooldowns and rate-limit resets with it, and they outlive the process in `state.json`, so it
 * must be epoch time, not `performance.now()`.
 */
export interface Clock {
  now(): number;
}

/** The default clock: `Date.now()`. */
export const systemClock: Clock = { now: () => Date.now() };

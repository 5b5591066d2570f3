/**
 * A monotonic time source in milliseconds (`performance.now()` by default). Use it for durations:
 * timeouts, TTLs, debounce windows, cycle times. It never goes backwards, so a wall-clock jump
 * (NTP, suspend) cannot expire a cache entry or end a debounce early.
 */
export interface MonotonicClock {
  /** Milliseconds from an arbitrary origin; never decreases. */
  now(): number;
}

/**
 * A wall-clock time source in milliseconds since the epoch (`Date.now()` by default). Use it for
 * instants that outlive the process or are compared with another program's times: a state's
 * `since`, cooldowns in `state.json`, rate-limit resets, tmux's `window_activity`.
 */
export interface WallClock {
  /** Milliseconds since 1970-01-01T00:00:00Z. */
  now(): number;
}

/** The process's monotonic clock: `performance.now()`. */
export const systemMonotonicClock: MonotonicClock = { now: () => performance.now() };

/** The process's wall clock: `Date.now()`. */
export const systemWallClock: WallClock = { now: () => Date.now() };

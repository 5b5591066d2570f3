/** A source of monotonic milliseconds, injected so time can be driven in tests. */
export interface Clock {
  now(): number;
}

/** The real monotonic clock (`performance.now()`). */
export const systemClock: Clock = { now: () => performance.now() };

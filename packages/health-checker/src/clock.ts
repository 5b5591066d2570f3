/** A time source in milliseconds; inject one in tests to drive debounce without sleeping. */
export interface Clock {
  /** Current time in milliseconds; must never go backwards. */
  now(): number;
}

/** The default clock: `performance.now()`, monotonic, so wall-clock jumps do not fake idleness. */
export const systemClock: Clock = { now: () => performance.now() };

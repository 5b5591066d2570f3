/** A time source in milliseconds. Inject one in tests to drive TTLs without sleeping. */
export interface Clock {
  /** Current time in milliseconds; must never go backwards. */
  now(): number;
}

/** The default clock: `performance.now()`, monotonic, so wall-clock jumps do not expire entries. */
export const systemClock: Clock = { now: () => performance.now() };

/** An opaque handle returned by a {@link TimerProvider}; pass it back to clear the timer. */
export type TimerHandle = unknown;

/**
 * The timer functions a package schedules with. Inject a fake (see `createManualClock`) to drive
 * timeouts and intervals from a test without sleeping.
 */
export interface TimerProvider {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
  setInterval(callback: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle | undefined): void;
}

/** Node's global timers. Timeouts are `unref`'d only by the caller, never here. */
export const systemTimers: TimerProvider = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval> | undefined),
};

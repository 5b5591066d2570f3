export { systemMonotonicClock, systemWallClock, type MonotonicClock, type WallClock } from './clocks.js';
export { systemTimers, type TimerHandle, type TimerProvider } from './timer-provider.js';
export { createManualClock, type ManualClock } from './manual-clock.js';

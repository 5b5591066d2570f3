import type { MonotonicClock, TimerProvider } from '@tmux-orc/clock';

/** Acquisitions waiting for a connection with room, woken whenever a command ends. */
export class RoomWaiters {
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly clock: MonotonicClock,
    private readonly timers: TimerProvider,
  ) {}

  /** Resolves true when woken before `deadline` (on the clock), false once it passed. */
  waitUntil(deadline: number): Promise<boolean> {
    const remaining = deadline - this.clock.now();
    if (remaining <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = (): void => {
        this.timers.clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(true);
      };
      const timer = this.timers.setTimeout(() => {
        this.waiters.delete(wake);
        resolve(false);
      }, remaining);
      this.waiters.add(wake);
    });
  }

  /** Wakes every waiter: each looks at the pool again. */
  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

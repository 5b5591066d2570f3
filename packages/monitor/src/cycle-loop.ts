import type { TimerHandle, TimerProvider } from '@tmux-orc/clock';
import type { Logger } from '@tmux-orc/tmux-pool';

/** Runs cycles one at a time, on demand and every interval. */
export interface CycleLoop<T> {
  /**
   * Runs a cycle after the one running (if any). Callers that ask while a cycle is already waiting
   * to start share that cycle: however many ask (a hook flood), at most one cycle is pending.
   */
  runCycle(): Promise<T>;
  /** Runs a cycle now and one every `intervalMs`; a tick that finds a cycle running is skipped and counted. */
  start(): void;
  /** Stops ticking and waits for the cycle in progress (and any queued) to end. */
  stop(): Promise<void>;
  /** Ticks skipped because the previous cycle was still running. */
  skipped(): number;
  /** True between `start` and `stop`. */
  started(): boolean;
}

/** Options of {@link createCycleLoop}. */
export interface CycleLoopOptions<T> {
  readonly cycle: () => Promise<T>;
  readonly intervalMs: number;
  readonly timers: TimerProvider;
  readonly logger: Logger;
  /** Called when a ticked cycle fails (an explicit `runCycle` rejects instead). */
  readonly onTickError: (error: unknown) => void;
}

/** Creates a {@link CycleLoop}: cycles never overlap, and a slow one makes ticks skip instead of piling up. */
export function createCycleLoop<T>(options: CycleLoopOptions<T>): CycleLoop<T> {
  let queue: Promise<unknown> = Promise.resolve();
  let running: Promise<T> | undefined;
  /** The cycle queued behind the running one and not started yet; callers share it. */
  let pending: Promise<T> | undefined;
  let interval: TimerHandle | undefined;
  let skipped = 0;
  let started = false;

  function runCycle(): Promise<T> {
    if (pending !== undefined) return pending;
    const next = queue.then(() => {
      if (pending === next) pending = undefined;
      return options.cycle();
    });
    if (running !== undefined) pending = next;
    queue = next.catch(() => undefined);
    running = next;
    void next
      .finally(() => {
        if (running === next) running = undefined;
      })
      .catch(() => undefined);
    return next;
  }

  function tick(): void {
    if (running !== undefined) {
      skipped += 1;
      options.logger.warn('slow cycle: the previous one is still running, skipping this tick', { intervalMs: options.intervalMs, skipped });
      return;
    }
    runCycle().catch(options.onTickError);
  }

  return {
    runCycle,
    start() {
      started = true;
      tick();
      interval = options.timers.setInterval(tick, options.intervalMs);
    },
    async stop() {
      if (interval !== undefined) options.timers.clearInterval(interval);
      interval = undefined;
      await queue;
      started = false;
    },
    skipped: () => skipped,
    started: () => started,
  };
}

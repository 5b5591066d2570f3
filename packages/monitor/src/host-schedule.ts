import type { MonotonicClock, TimerProvider } from '@tmux-orc/clock';
import type { ServerObservation } from './observe-server.js';
import type { WatchedServer } from './watched-server.js';

const NOTHING: ServerObservation = Object.freeze({ views: [], gone: [] });

/** Longest wait before a failed host is tried again. */
const MAX_RETRY_DELAY_MS = 30_000;

/** How long a host that failed `failures` times in a row rests before the next try: 1 s, 2 s, 4 s … 30 s. */
export function retryDelayMs(failures: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** Math.max(0, failures - 1));
}

/** What {@link observeOnSchedule} needs besides the server and the observation. */
export interface HostSchedule {
  /** How long a cycle waits for a remote host (`monitoring.async.pool.connection_timeout`). */
  readonly deadlineMs: number;
  readonly clock: MonotonicClock;
  readonly timers: TimerProvider;
  /** Records a host that missed the deadline (it is then down until it answers in time). */
  readonly onLate: (watched: WatchedServer, error: Error) => void;
}

/**
 * Runs `observe` for one server so that a remote host never holds up the cycle of the others: a
 * local server is observed as before; a host is skipped while it rests after a failure (backoff)
 * or while its previous observation still runs, and the cycle stops waiting for it after
 * `deadlineMs` (its observation finishes in the background, and nothing of it is acted on).
 * Resolves like `observe` (null: the server failed), or with nothing observed when skipped or late.
 */
export async function observeOnSchedule(watched: WatchedServer, observe: () => Promise<ServerObservation | null>, schedule: HostSchedule): Promise<ServerObservation | null> {
  if (watched.host === null) return observe();
  if (watched.busy || schedule.clock.now() < watched.retryAt) return NOTHING;
  watched.busy = true;
  const attempt = observe().finally(() => {
    watched.busy = false;
    if (!watched.up) watched.retryAt = schedule.clock.now() + retryDelayMs(watched.failures);
  });
  let timer: ReturnType<TimerProvider['setTimeout']> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = schedule.timers.setTimeout(() => resolve('late'), schedule.deadlineMs);
  });
  try {
    const outcome = await Promise.race([attempt, late]);
    if (outcome !== 'late') return outcome;
    schedule.onLate(watched, new Error(`host ${watched.host} gave no answer within ${String(schedule.deadlineMs)} ms`));
    return NOTHING;
  } finally {
    if (timer !== undefined) schedule.timers.clearTimeout(timer);
  }
}

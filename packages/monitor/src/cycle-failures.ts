import type { CycleFailureStatus } from './monitor-status.js';

/**
 * Counts the cycles that fail in a row and keeps the last failure, so that a daemon whose every
 * cycle fails (a strategy that throws, a server that is gone) says so in its status instead of
 * showing `cycles: 0` and nothing else.
 */
export interface CycleFailures {
  /** Records a failed cycle at `at` (wall-clock ms); `error` is what failed it. */
  failed(error: unknown, at: number): void;
  /** Records a cycle that did its work: the run of failures ends (the last error is kept). */
  succeeded(): void;
  /**
   * Records a cycle that ran to its end: failed when a server could not be listed (the first such
   * server's error is the one kept), else succeeded.
   */
  ran(down: readonly { readonly label: string; readonly error: string | null; readonly errorCode: string | null }[], at: number): void;
  /** The status shape: failures in a row, since when, and the last error, times in ISO. */
  snapshot(): CycleFailureStatus;
}

/** The `code` of an error when it has a string one (every error of ours does), else `UNEXPECTED`. */
export function errorCodeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code !== '' ? code : 'UNEXPECTED';
}

/** Creates a {@link CycleFailures} with no failure recorded. */
export function createCycleFailures(): CycleFailures {
  let consecutive = 0;
  let since: number | null = null;
  let last: { message: string; code: string; at: number } | null = null;
  const record = (message: string, code: string, at: number): void => {
    consecutive += 1;
    since ??= at;
    last = { message, code, at };
  };
  const succeeded = (): void => {
    consecutive = 0;
    since = null;
  };
  return {
    failed: (error, at) => record(error instanceof Error ? error.message : String(error), errorCodeOf(error), at),
    succeeded,
    ran(down, at) {
      const first = down[0];
      if (first === undefined) succeeded();
      else record(`tmux server ${first.label} could not be listed: ${first.error ?? 'no answer'}`, first.errorCode ?? 'UNEXPECTED', at);
    },
    snapshot() {
      return {
        consecutive,
        since: since === null ? null : new Date(since).toISOString(),
        last_error: last === null ? null : { message: last.message, code: last.code, at: new Date(last.at).toISOString() },
      };
    },
  };
}

import type { Logger } from '@tmux-orc/tmux-pool';
import { errorCodeOf } from './cycle-failures.js';
import type { WatchedServer } from './watched-server.js';

/**
 * Records that a server could not be listed: logged when it first fails or (on this machine) the
 * error changes, and once more as an outage when `maxFailures` failures come in a row (a few can be
 * a restart).
 */
export function markUnreachable(watched: WatchedServer, error: unknown, maxFailures: number, logger: Logger): void {
  watched.failures += 1;
  const message = error instanceof Error ? error.message : String(error);
  // A host's outage is reported once: while it stays down, ssh words the same refusal differently.
  const changed = watched.error !== message && watched.host === null;
  if (watched.up || changed) logger.warn('tmux server unreachable', { server: watched.label, error: message, failures: watched.failures });
  else if (watched.error !== message) logger.debug('tmux server still unreachable', { server: watched.label, error: message, failures: watched.failures });
  if (watched.failures === maxFailures) logger.error('tmux server down', { server: watched.label, error: message, failures: watched.failures });
  watched.up = false;
  watched.error = message;
  watched.errorCode = errorCodeOf(error);
}

/** Records that a server answered again at `now` (logged, and `backAt` set, when it had failed). */
export function markReachable(watched: WatchedServer, logger: Logger, now: number): void {
  if (watched.failures > 0) {
    logger.info('tmux server reachable again', { server: watched.label, failures: watched.failures });
    watched.backAt = now;
  }
  watched.up = true;
  watched.error = null;
  watched.errorCode = null;
  watched.failures = 0;
}

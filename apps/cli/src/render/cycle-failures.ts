import type { DetailedJson } from '../shared/status-json.js';

/**
 * One line saying that a monitor's cycles fail, and why:
 * `3 cycles failed in a row since …; last at …: STRATEGY_FAILED: Expected strategy …`.
 * Null when the last cycle did its work (or a daemon too old to tell answered).
 */
export function describeCycleFailures(failures: DetailedJson['cycle_failures'] | undefined): string | null {
  if (failures === undefined || failures.consecutive === 0 || failures.last_error === null) return null;
  const { consecutive, since, last_error: last } = failures;
  return `${consecutive} cycle${consecutive === 1 ? '' : 's'} failed in a row since ${since ?? last.at}; last at ${last.at}: ${last.code}: ${last.message}`;
}

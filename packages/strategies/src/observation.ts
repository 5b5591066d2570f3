import type { HealthResult } from './health-result.js';
import type { MonitoredPane, Observation } from './monitoring-strategy.js';

/** The observation of a pane looked at now. */
export function freshObservation(pane: MonitoredPane, result: HealthResult, now: number): Observation {
  return { paneId: pane.id, result, observedAt: now, capturedAt: now, windowActivity: pane.windowActivity };
}

/** A previous observation carried into this cycle without looking: same verdict, `observedAt` now. */
export function keptObservation(previous: Observation, now: number): Observation {
  return { ...previous, observedAt: now };
}

/** The verdict for a pane whose check failed: `unknown`, saying why (what the checker itself gives such a pane). */
export function failedCheckResult(error: unknown, now: number): HealthResult {
  return { state: 'unknown', detector: 'none', rule: 'none/check-failed', detail: { reason: error instanceof Error ? error.message : String(error) }, evidence: [], since: now };
}

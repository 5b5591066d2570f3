import type { HealthResult } from './health-result.js';
import type { MonitoredPane, Observation } from './monitoring-strategy.js';

/** The observation of a pane looked at now. */
export function freshObservation(pane: MonitoredPane, result: HealthResult, now: number): Observation {
  return { paneId: pane.id, result, observedAt: now, capturedAt: now, windowActivity: pane.windowActivity };
}

/** A previous observation carried into this cycle without looking: same verdict, `observedAt` now. */
export function keptObservation(previous: Observation, now: number): Observation {
  // Spelled out, not spread: one object shape with `freshObservation`'s; strategies keep most panes
  // every cycle, and the spread was the largest cost of a quiet 1000-pane cycle.
  return { paneId: previous.paneId, result: previous.result, observedAt: now, capturedAt: previous.capturedAt, windowActivity: previous.windowActivity };
}

/** The verdict for a pane whose check failed: `unknown`, saying why (what the checker itself gives such a pane). */
export function failedCheckResult(error: unknown, now: number): HealthResult {
  return { state: 'unknown', detector: 'none', rule: 'none/check-failed', detail: { reason: error instanceof Error ? error.message : String(error) }, evidence: [], since: now };
}

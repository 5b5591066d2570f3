import { type HealthResult, failedResult } from '@tmux-orc/health-checker';
import type { MonitoredPane, Observation } from './monitoring-strategy.js';

/** The observation of a pane looked at now. */
export function freshObservation(pane: MonitoredPane, result: HealthResult, now: number): Observation {
  return { paneId: pane.id, result, observedAt: now, capturedAt: now, windowActivity: pane.windowActivity };
}

/** A previous observation carried into this cycle without looking: same verdict, `observedAt` now. */
export function keptObservation(previous: Observation, now: number): Observation {
  return { ...previous, observedAt: now };
}

/** The verdict for a pane whose check failed: `unknown`, saying why (the checker's own). */
export const failedCheckResult: (error: unknown, now: number) => HealthResult = failedResult;

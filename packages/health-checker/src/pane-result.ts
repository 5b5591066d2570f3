import type { AgentDetector } from './agent-detector.js';
import { classifyScreen } from './classify-screen.js';
import type { DetectorPane } from './detector-pane.js';
import type { HealthResult } from './health-result.js';
import type { ScreenStateTracker } from './screen-state-tracker.js';

/** The pane facts a checker needs: the detector's, plus the id and target tmux knows it by. */
export interface CheckedPane extends DetectorPane {
  /** Pane id, `%3`. */
  readonly id: string;
  /** `session:window.pane`, for messages. */
  readonly target: string;
  /** `window_activity`, seconds since the epoch; moves whenever the pane prints. */
  readonly windowActivity: number;
}

/**
 * Classifies a captured screen and tracks it. A vanished pane (`screen` null) is `unknown` and
 * its history is dropped, so a pane that comes back under the same id starts afresh.
 */
export function paneResult(
  pane: CheckedPane,
  screen: string | null,
  tracker: ScreenStateTracker,
  detectors: readonly AgentDetector[],
  now: number,
  /** Tracker clock time since which the screen is known unchanged (see `ScreenStateTracker.observe`). */
  quietSince?: number,
): HealthResult {
  if (screen === null) {
    tracker.forget(pane.id);
    return {
      state: 'unknown',
      detector: 'none',
      rule: 'none/pane-vanished',
      detail: { reason: `pane ${pane.id} (${pane.target}) no longer exists`, vanished: true },
      evidence: [],
      since: now,
    };
  }
  return tracker.observe(pane.id, classifyScreen(pane, screen, detectors), screen, quietSince);
}

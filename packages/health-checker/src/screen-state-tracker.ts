import type { AgentState } from './agent-state.js';
import type { MonotonicClock } from '@tmux-orc/clock';
import { HealthCheckerError } from './health-checker-error.js';
import type { Classification, HealthResult } from './health-result.js';
import { screenFingerprint } from './screen-fingerprint.js';

/** Options of {@link createScreenStateTracker}. */
export interface ScreenStateTrackerOptions {
  /** How long (ms) a screen must stay unchanged, with no activity sign, before the pane is `idle`. */
  readonly debounceMs: number;
  /** Time source; `systemMonotonicClock` in production, a hand-driven one in tests. */
  readonly clock: MonotonicClock;
}

/** Turns per-screen classifications into states with debounce and `since`. */
export interface ScreenStateTracker {
  /**
   * Records one observation of a pane and returns its state. A `no_activity` candidate becomes
   * `idle` once the screen has been unchanged for `debounceMs`, `active` while it changes (or
   * until the pane has been watched that long); every other state is taken as is. `quietSince`
   * (tracker clock time) is when something else knows the screen last changed (tmux's
   * `window_activity`): a first sight quiet since then for the debounce window is `idle` at once.
   */
  observe(paneId: string, classification: Classification, screen: string, quietSince?: number): HealthResult;
  /** The last result for a pane, if it was observed. */
  current(paneId: string): HealthResult | undefined;
  /** Drops a pane's history (it vanished). */
  forget(paneId: string): void;
  /** Ids of the panes with history. */
  paneIds(): string[];
}

interface PaneHistory {
  fingerprint: string;
  changedAt: number;
  result: HealthResult;
}

/** Creates a {@link ScreenStateTracker}. */
export function createScreenStateTracker(options: ScreenStateTrackerOptions): ScreenStateTracker {
  const { debounceMs, clock } = options;
  if (!Number.isFinite(debounceMs) || debounceMs < 0) {
    throw new HealthCheckerError(
      'INVALID_OPTION',
      `Expected the \`debounceMs\` option to be a finite number >= 0, got \`${String(debounceMs)}\``,
    );
  }
  const histories = new Map<string, PaneHistory>();

  return {
    observe(paneId, classification, screen, quietSince) {
      const now = clock.now();
      const fingerprint = screenFingerprint(screen);
      const previous = histories.get(paneId);
      const firstSightQuietSince = previous === undefined && quietSince !== undefined && quietSince <= now ? quietSince : undefined;
      const changedAt = firstSightQuietSince ?? (previous === undefined || previous.fingerprint !== fingerprint ? now : previous.changedAt);
      const unchangedForMs = now - changedAt;

      let state: AgentState;
      let detail = classification.detail;
      if (classification.state === 'no_activity') {
        // Only a screen seen unchanged for the whole window is idle; a first sight is not proof.
        const quietLongEnough = (previous !== undefined || firstSightQuietSince !== undefined) && unchangedForMs >= debounceMs;
        state = quietLongEnough ? 'idle' : 'active';
        detail = { ...detail, unchangedForMs, ...(firstSightQuietSince === undefined ? {} : { basis: 'window_activity' as const }) };
      } else {
        state = classification.state;
      }

      const sameState = previous !== undefined && previous.result.state === state;
      // An idle pane has been idle since its screen last changed, not since the debounce ended.
      const since = sameState ? previous.result.since : state === 'idle' ? changedAt : now;
      const result: HealthResult = {
        state,
        detector: classification.detector,
        ...(classification.rule === undefined ? {} : { rule: classification.rule }),
        detail,
        evidence: classification.evidence,
        since,
      };
      histories.set(paneId, { fingerprint, changedAt, result });
      return result;
    },
    current: (paneId) => histories.get(paneId)?.result,
    forget(paneId) {
      histories.delete(paneId);
    },
    paneIds: () => [...histories.keys()],
  };
}

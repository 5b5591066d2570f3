import type { HealthResult } from '../health-result.js';
import type { PaneChecker } from '../monitoring-strategy.js';

/** Options of `scriptedChecker`. */
export interface ScriptedCheckerOptions {
  /** The state each pane id is reported in; default `active`. */
  readonly states?: Record<string, HealthResult['state']>;
  /** Panes whose check rejects, with this error (a capture that failed). */
  readonly fail?: Record<string, Error>;
  /** Stamps `since`; default 0. */
  readonly clock?: { now(): number };
  /** Awaited inside each check, to keep checks in flight. */
  readonly delay?: () => Promise<void>;
}

/** What `scriptedChecker` returns: the checker, the pane ids it was asked about, the most checks at once. */
export interface ScriptedChecker {
  readonly checker: PaneChecker;
  readonly checked: string[];
  maxInFlight(): number;
}

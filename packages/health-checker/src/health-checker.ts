import { capturePanes, type TmuxRunner } from '@tmux-orc/tmux-pool';
import type { AgentDetector } from './agent-detector.js';
import { type MonotonicClock, systemMonotonicClock } from '@tmux-orc/clock';
import { builtinDetectors } from './detectors/builtin-detectors.js';
import { HealthCheckerError } from './health-checker-error.js';
import type { HealthResult } from './health-result.js';
import { paneResult, type CheckedPane } from './pane-result.js';
import { createScreenStateTracker, type ScreenStateTracker } from './screen-state-tracker.js';

/** Options shared by {@link HealthChecker} and `AsyncHealthChecker`. */
export interface HealthCheckerOptions {
  /** Runs tmux commands: a `TmuxConnectionPool`, an `ExecConnection`, any `TmuxRunner`. */
  readonly runner: TmuxRunner;
  /** How long (ms) a screen must stay unchanged, with no activity sign, to be `idle`. Default 10 000. */
  readonly debounceMs?: number;
  /** Time source of the tracker. Default: `systemMonotonicClock` (`performance.now()`). */
  readonly clock?: MonotonicClock;
  /** Detectors to choose from. Default: {@link builtinDetectors}. */
  readonly detectors?: readonly AgentDetector[];
  /** A tracker to share (e.g. with the monitor); by default each checker makes its own. */
  readonly tracker?: ScreenStateTracker;
  /** Timeout (ms) of each capture; the runner's default when absent. */
  readonly captureTimeoutMs?: number;
}

/** Default of {@link HealthCheckerOptions.debounceMs}. */
export const defaultDebounceMs = 10_000;

/** The parts both checkers build from their options. */
export interface CheckerParts {
  readonly runner: TmuxRunner;
  readonly clock: MonotonicClock;
  readonly detectors: readonly AgentDetector[];
  readonly tracker: ScreenStateTracker;
  readonly captureTimeoutMs: number | undefined;
}

/** Resolves the defaults of {@link HealthCheckerOptions}. */
export function checkerParts(options: HealthCheckerOptions): CheckerParts {
  const clock = options.clock ?? systemMonotonicClock;
  return {
    runner: options.runner,
    clock,
    detectors: options.detectors ?? builtinDetectors,
    tracker: options.tracker ?? createScreenStateTracker({ debounceMs: options.debounceMs ?? defaultDebounceMs, clock }),
    captureTimeoutMs: options.captureTimeoutMs,
  };
}

/** Captures one pane; a vanished pane is null, any other failure a `CAPTURE_FAILED` error. */
export async function captureScreen(parts: CheckerParts, pane: CheckedPane): Promise<string | null> {
  try {
    const screens = await capturePanes(parts.runner, [pane.id], parts.captureTimeoutMs === undefined ? {} : { timeoutMs: parts.captureTimeoutMs });
    return screens.get(pane.id) ?? null;
  } catch (error) {
    throw new HealthCheckerError(
      'CAPTURE_FAILED',
      `Expected to capture pane ${pane.id} (${pane.target}), got ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** The verdict for a pane whose check failed inside a batch: `unknown`, saying why. */
export function failedResult(error: unknown, now: number): HealthResult {
  return {
    state: 'unknown',
    detector: 'none',
    rule: 'none/check-failed',
    detail: { reason: error instanceof Error ? error.message : String(error) },
    evidence: [],
    since: now,
  };
}

/**
 * Checks panes one after another on any {@link TmuxRunner}: capture (`capturePanes`), pick the
 * detector, classify, track. The simple, predictable checker; `AsyncHealthChecker` is the
 * concurrent one.
 *
 * @example
 * const checker = new HealthChecker({ runner: pool, debounceMs: 10_000 });
 * const result = await checker.check(pane); // { state: 'waiting_input', detail: { question }, … }
 */
export class HealthChecker {
  readonly #parts: CheckerParts;

  constructor(options: HealthCheckerOptions) {
    this.#parts = checkerParts(options);
  }

  /** The tracker holding each pane's state history. */
  get tracker(): ScreenStateTracker {
    return this.#parts.tracker;
  }

  /**
   * Checks one pane. Rejects with a `CAPTURE_FAILED` {@link HealthCheckerError} when tmux fails;
   * a pane that vanished resolves `unknown`.
   */
  async check(pane: CheckedPane): Promise<HealthResult> {
    const screen = await captureScreen(this.#parts, pane);
    return paneResult(pane, screen, this.#parts.tracker, this.#parts.detectors, this.#parts.clock.now());
  }

  /** Checks panes one at a time; a pane whose capture failed is `unknown`, saying why. */
  async checkMany(panes: readonly CheckedPane[]): Promise<Map<string, HealthResult>> {
    const results = new Map<string, HealthResult>();
    for (const pane of panes) {
      try {
        results.set(pane.id, await this.check(pane));
      } catch (error) {
        results.set(pane.id, failedResult(error, this.#parts.clock.now()));
      }
    }
    return results;
  }
}

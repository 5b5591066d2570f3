import {
  defaultDebounceMs,
  freshObservation,
  keptObservation,
  strategySpecificationVersion,
  type HealthResult,
  type MonitoredPane,
  type MonitoringStrategy,
  type Observation,
} from '@tmux-orc/strategies';
import { resolveAdaptiveOptions, type AdaptiveStrategyOptions } from './adaptive-options.js';
import { planCaptures, type CapturePlan } from './plan-captures.js';
import { quietUntil } from './quiet-until.js';

/** The adaptive strategy; `lastPlan` tells what its last cycle looked at and why (for metrics). */
export interface AdaptiveStrategy extends MonitoringStrategy {
  readonly name: 'adaptive';
  /** The plan of the last cycle, null before the first. */
  readonly lastPlan: CapturePlan | null;
}

/**
 * Looks only at the panes that need it (see `planCaptures`): PMs, panes in problem states, panes
 * whose `window_activity` moved, `active` panes due for their debounce re-check, and any not
 * looked at for `stalenessMs`. The others keep their previous observation (`observedAt` now).
 * A look goes through the checker: with `AsyncHealthChecker`, a pane whose stamp did not move
 * is a `pane_content` cache hit while the cache holds it, so a debounce re-check then costs no
 * tmux command and still lets the tracker see that the screen stayed the same.
 *
 * @example
 * const strategy = createAdaptiveStrategy({ stalenessMs: 30_000, maxCapturesPerCycle: 100 });
 */
export function createAdaptiveStrategy(options: AdaptiveStrategyOptions = {}): AdaptiveStrategy {
  const resolved = resolveAdaptiveOptions(options);
  let lastPlan: CapturePlan | null = null;
  /** The last cycle's panes and observations, and until when they hold if no pane changes. */
  let quiet: { panes: readonly MonitoredPane[]; observations: Map<string, Observation>; debounceMs: number; until: number } | undefined;
  const budget = resolved.maxCapturesPerCycle === null ? '' : `, at most ${resolved.maxCapturesPerCycle} a cycle`;
  return {
    specificationVersion: strategySpecificationVersion,
    name: 'adaptive',
    description: `captures panes whose activity moved, PMs, problem states, and any unseen for ${resolved.stalenessMs / 1000} s${budget}`,
    get lastPlan() {
      return lastPlan;
    },
    async observe({ panes, previous, services }) {
      const debounceMs = services.debounceMs ?? defaultDebounceMs;
      if (quiet !== undefined && quiet.panes === panes && quiet.observations === previous && quiet.debounceMs === debounceMs && services.clock.now() < quiet.until) {
        lastPlan = { capture: [], keep: panes, deferred: [] };
        return quiet.observations;
      }
      const plan = planCaptures({ panes, previous, now: services.clock.now(), debounceMs, options: resolved });
      lastPlan = plan;
      const lookedAt = resolved.wallClock.now();
      const results = await services.checker.checkMany(plan.capture.map((c) => c.pane));
      const now = services.clock.now();
      const observations = new Map<string, Observation>();
      for (const pane of panes) {
        const result = results.get(pane.id);
        const last = previous.get(pane.id);
        if (result !== undefined) observations.set(pane.id, unsettledLook(pane, result, lookedAt) ? { ...freshObservation(pane, result, now), windowActivity: -1 } : freshObservation(pane, result, now));
        else if (last !== undefined) observations.set(pane.id, keptObservation(last, now));
        else observations.set(pane.id, notLookedAtYet(pane.id, pane.target, now, resolved.maxCapturesPerCycle));
      }
      quiet = { panes, observations, debounceMs, until: quietUntil(panes, observations, debounceMs, resolved) };
      return observations;
    },
  };
}

/**
 * True when this look must not count as having seen the pane at its stamp, so the next cycle looks
 * again (its observation keeps stamp -1, which no pane has): the check failed, or it started within
 * the second of the pane's `window_activity` — tmux stamps whole seconds, so the pane may print later
 * in that second without the stamp moving, and `activity` alone would never look again.
 */
export function unsettledLook(pane: MonitoredPane, result: HealthResult, lookedAt: number): boolean {
  return result.rule === 'none/check-failed' || lookedAt < (pane.windowActivity + 1) * 1000;
}

/** A new pane the budget left out: `unknown` until its first look (next cycle, as a problem state). */
function notLookedAtYet(paneId: string, target: string, now: number, budget: number | null): Observation {
  return {
    paneId,
    result: {
      state: 'unknown',
      detector: 'none',
      detail: { reason: `pane ${paneId} (${target}) not looked at yet: over the budget of ${String(budget)} captures per cycle` },
      evidence: [],
      since: now,
    },
    observedAt: now,
    // Never looked at: the oldest possible look, so it goes first among its class next cycle.
    capturedAt: Number.NEGATIVE_INFINITY,
    windowActivity: -1,
  };
}

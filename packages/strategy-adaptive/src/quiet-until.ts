import type { MonitoredPane, Observation } from '@tmux-orc/strategies';
import type { ResolvedAdaptiveOptions } from './adaptive-options.js';

/**
 * Until when (strategy clock, ms) no pane of `panes` calls for a look while none changes: the same
 * reasons as `planCaptures`, read the other way. -Infinity when a pane calls for one at once or every
 * cycle (a PM, a problem state, a stamp not looked at, a look to repeat); else the earliest time an
 * `active` pane is due for its debounce re-check or any pane reaches half the staleness bound (the
 * earliest a staleness look can come: see `staleAfter`). Until then, a cycle given the same panes and
 * these observations back has nothing to look at and nothing new to say.
 */
export function quietUntil(panes: readonly MonitoredPane[], observations: ReadonlyMap<string, Observation>, debounceMs: number, options: ResolvedAdaptiveOptions): number {
  const half = options.stalenessMs / 2;
  let until = Number.POSITIVE_INFINITY;
  for (const pane of panes) {
    const seen = observations.get(pane.id);
    if (seen === undefined || options.alwaysCaptureRoles.has(pane.role) || options.alwaysCaptureStates.has(seen.result.state) || pane.windowActivity !== seen.windowActivity) {
      return Number.NEGATIVE_INFINITY;
    }
    const stale = seen.capturedAt + half;
    const due = seen.result.state === 'active' ? Math.min(seen.capturedAt + debounceMs, stale) : stale;
    if (due < until) until = due;
  }
  return until;
}

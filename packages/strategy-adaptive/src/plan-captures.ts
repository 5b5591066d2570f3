import type { MonitoredPane, Observation } from '@tmux-orc/strategies';
import type { ResolvedAdaptiveOptions } from './adaptive-options.js';
import { staleAfter } from './stale-after.js';

/**
 * Why a pane is looked at this cycle, highest priority first:
 * - `role`: a PM (or another role in `alwaysCaptureRoles`);
 * - `state`: its last verdict is a problem state (`alwaysCaptureStates`);
 * - `activity`: its `window_activity` moved since it was last looked at, or it is new;
 * - `settling`: it was `active` and has not been looked at for the debounce window, so the
 *   tracker can turn it `idle` (or see it still changing) — otherwise it would stay `active`;
 * - `stale`: not looked at for its share of `stalenessMs` (between half of it and all of it, fixed
 *   per pane: see `staleAfter`), so a fleet looked at all at once is not re-read all at once.
 */
export const captureReasons = ['role', 'state', 'activity', 'settling', 'stale'] as const;

/** One of {@link captureReasons}. */
export type CaptureReason = (typeof captureReasons)[number];

/** A pane to look at, and why. */
export interface PlannedCapture {
  readonly pane: MonitoredPane;
  readonly reason: CaptureReason;
}

/** What one cycle will do. */
export interface CapturePlan {
  /** Panes to look at, in priority order, within the budget. */
  readonly capture: readonly PlannedCapture[];
  /** Panes that keep their previous observation (nothing calls for a look). */
  readonly keep: readonly MonitoredPane[];
  /** Panes that called for a look but did not fit in `maxCapturesPerCycle`, in priority order. */
  readonly deferred: readonly PlannedCapture[];
}

/** Input of {@link planCaptures}. */
export interface PlanCapturesInput {
  readonly panes: readonly MonitoredPane[];
  readonly previous: ReadonlyMap<string, Observation>;
  readonly now: number;
  readonly debounceMs: number;
  readonly options: ResolvedAdaptiveOptions;
}

function reasonFor(pane: MonitoredPane, last: Observation | undefined, input: PlanCapturesInput): CaptureReason | null {
  const { options, now, debounceMs } = input;
  if (options.alwaysCaptureRoles.has(pane.role)) return 'role';
  if (last === undefined) return 'activity';
  if (options.alwaysCaptureStates.has(last.result.state)) return 'state';
  if (pane.windowActivity !== last.windowActivity) return 'activity';
  const sinceLook = now - last.capturedAt;
  if (last.result.state === 'active' && sinceLook >= debounceMs) return 'settling';
  // Never due before half the bound (see `staleAfter`): most panes stop here, without hashing their id.
  if (sinceLook >= options.stalenessMs / 2 && sinceLook >= staleAfter(pane.id, options.stalenessMs)) return 'stale';
  return null;
}

/**
 * Decides which panes the adaptive strategy looks at this cycle (pure: no tmux, no clock).
 * Within one priority, the pane looked at longest ago goes first (a new pane before any), so a
 * budget never starves a pane of its class.
 */
export function planCaptures(input: PlanCapturesInput): CapturePlan {
  const wanted: { planned: PlannedCapture; rank: number; lastLook: number; order: number }[] = [];
  const keep: MonitoredPane[] = [];
  input.panes.forEach((pane, order) => {
    const last = input.previous.get(pane.id);
    const reason = reasonFor(pane, last, input);
    if (reason === null) keep.push(pane);
    else wanted.push({ planned: { pane, reason }, rank: captureReasons.indexOf(reason), lastLook: last?.capturedAt ?? -Infinity, order });
  });
  wanted.sort((a, b) => a.rank - b.rank || a.lastLook - b.lastLook || a.order - b.order);
  const budget = input.options.maxCapturesPerCycle ?? wanted.length;
  const planned = wanted.map((w) => w.planned);
  return { capture: planned.slice(0, budget), keep, deferred: planned.slice(budget) };
}

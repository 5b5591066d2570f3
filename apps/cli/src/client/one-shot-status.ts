import type { Config } from '@tmux-orc/config';
import { createMonitor } from '@tmux-orc/monitor';
import { observeOnly } from '../shared/observe-only.js';
import { createCycleStats } from '../shared/cycle-stats.js';
import { toStatusJson, type DetailedJson, type StatusJson } from '../shared/status-json.js';

/** Options of {@link oneShotStatus}. */
export interface OneShotOptions {
  /** Take a second look one debounce window later, as the daemon would (`status --wait`). */
  readonly wait: boolean;
  readonly clock?: { now(): number };
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs the monitor's cycle here, with every action off, when no daemon watches the server: one
 * cycle, whose first sights the monitor settles with tmux's `window_activity` (a pane quiet for the
 * debounce window is `idle` since then), or with `wait` two cycles one debounce window apart.
 */
export async function oneShotStatus(config: Config, options: OneShotOptions): Promise<StatusJson & { readonly detailed: DetailedJson }> {
  const clock = options.clock ?? { now: () => Date.now() };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const startedAt = new Date(clock.now()).toISOString();
  // An injected clock (tests) drives both time bases, so the debounce follows it.
  const clocks = options.clock === undefined ? {} : { wallClock: clock, monotonicClock: clock };
  const monitor = createMonitor(observeOnly(config), { ...clocks, firstSightFromWindowActivity: !options.wait });
  const cycles = createCycleStats();
  monitor.subscribe((event) => {
    if (event.type === 'cycle') cycles.record(event.durationMs);
  });
  try {
    await monitor.runCycle();
    const debounceMs = config.monitoring.debounce * 1000;
    if (options.wait) {
      await sleep(debounceMs);
      await monitor.runCycle();
    }
    return toStatusJson({ status: monitor.status(), cycles: cycles.snapshot(), source: 'one-shot', startedAt });
  } finally {
    await monitor.stop();
  }
}

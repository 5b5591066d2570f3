import type { Config } from '@tmux-orc/config';
import { createMonitor } from '@tmux-orc/monitor';
import { observeOnly } from '../shared/observe-only.js';
import { createCycleStats } from '../shared/cycle-stats.js';
import { readServersPaneField } from '../shared/pane-fields.js';
import { toStatusJson, type AgentJson, type DetailedJson, type StatusJson } from '../shared/status-json.js';

/** Options of {@link oneShotStatus}. */
export interface OneShotOptions {
  /** Take a second look one debounce window later, as the daemon would (`status --wait`). */
  readonly wait: boolean;
  readonly clock?: { now(): number };
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * A first sight of a screen with no activity sign cannot prove idleness (the monitor calls it
 * `active` until the screen has stayed unchanged for the debounce window). tmux itself knows when
 * each window last printed (`window_activity`): if that is longer ago than the debounce, the
 * screen has been still that long and the agent is `idle` since then. Otherwise it stays `active`.
 */
export function settleFirstSight(agent: AgentJson, windowActivityS: number | undefined, debounceMs: number, now: number): AgentJson {
  const firstSight = agent.state === 'active' && typeof agent.detail['unchangedForMs'] === 'number';
  if (!firstSight || windowActivityS === undefined || windowActivityS <= 0) return agent;
  const quietMs = now - windowActivityS * 1000;
  if (quietMs < debounceMs) return { ...agent, detail: { ...agent.detail, basis: 'window_activity', quietMs } };
  return { ...agent, state: 'idle', since: new Date(windowActivityS * 1000).toISOString(), detail: { ...agent.detail, basis: 'window_activity', quietMs } };
}

/**
 * Runs the monitor's cycle here, with every action off, when no daemon watches the server:
 * one cycle (plus `window_activity` to settle first sights), or with `wait` two cycles one
 * debounce window apart.
 */
export async function oneShotStatus(config: Config, options: OneShotOptions): Promise<StatusJson & { readonly detailed: DetailedJson }> {
  const clock = options.clock ?? { now: () => Date.now() };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const startedAt = new Date(clock.now()).toISOString();
  // An injected clock (tests) drives both time bases, so the debounce follows it.
  const monitor = createMonitor(observeOnly(config), options.clock === undefined ? {} : { wallClock: clock, monotonicClock: clock });
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
    const status = monitor.status();
    const activity = new Map<string, number>();
    if (!options.wait) {
      // A server that cannot be read leaves its first sights as they are; the cycle already reports it down.
      for (const [id, value] of (await readServersPaneField(config, '#{window_activity}')).values) activity.set(id, Number(value));
    }
    const now = clock.now();
    const adjust = (agent: AgentJson): AgentJson => settleFirstSight(agent, activity.get(agent.id), debounceMs, now);
    return toStatusJson({ status, adjust, cycles: cycles.snapshot(), source: 'one-shot', startedAt });
  } finally {
    await monitor.stop();
  }
}

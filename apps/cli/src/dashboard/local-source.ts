import type { Config } from '@tmux-orc/config';
import { createMonitor } from '@tmux-orc/monitor';
import { observeOnly } from '../shared/observe-only.js';
import { createCycleStats } from '../shared/cycle-stats.js';
import { renderPrometheusMetrics } from '../daemon/prometheus-metrics.js';
import { toStatusJson } from '../shared/status-json.js';
import type { DashboardSource, SourceEvent } from './dashboard-source.js';

/**
 * A monitor run in this process with every action off (no PM message, no Enter, no restart),
 * as `perf watch` does when no daemon watches the server: the dashboard then only looks.
 */
export async function startLocalSource(config: Config, clock: { now(): number } = { now: () => Date.now() }): Promise<DashboardSource> {
  const monitor = createMonitor(observeOnly(config), { wallClock: clock });
  const cycles = createCycleStats();
  const listeners = new Set<(event: SourceEvent) => void>();
  const startedAt = new Date(clock.now()).toISOString();
  const unsubscribe = monitor.subscribe((event) => {
    if (event.type === 'cycle') cycles.record(event.durationMs);
    if (event.type !== 'transition') return;
    const data = JSON.stringify(event.transition);
    for (const listener of listeners) listener({ type: 'transition', data });
  });
  await monitor.start();
  return {
    description: 'a monitor run here, read-only (no daemon watches this server)',
    status: async () => toStatusJson({ status: monitor.status(), cycles: cycles.snapshot(), source: 'one-shot', startedAt }),
    metrics: async () => renderPrometheusMetrics(monitor.status(), cycles.snapshot()),
    subscribe(listener) {
      listeners.add(listener);
      listener({ type: 'upstream', up: true });
      return () => listeners.delete(listener);
    },
    async close() {
      unsubscribe();
      listeners.clear();
      await monitor.stop();
    },
  };
}

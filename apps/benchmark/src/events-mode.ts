import { AsyncHealthChecker } from '@tmux-orc/health-checker';
import { createStrategy as createAdaptiveStrategy } from '@tmux-orc/strategy-adaptive';
import { EventPaneLister } from '@tmux-orc/tmux-pool';
import { type BenchMode, controlParts, discoverer, strategyCycleSession } from './bench-modes.js';

/**
 * The adaptive strategy fed by an `EventPaneLister`: discovery and change detection from tmux's
 * notifications (one subscription on one more control client), `list-panes -a` only at start, on
 * structural changes and every 60 s; panes that printed are re-read alone; adaptive with the
 * hour-long safety-net staleness and no always-captured states or roles the monitor gives it in events mode
 * (`configuredStrategyOptions` in @tmux-orc/monitor).
 */
export const eventsMode: BenchMode = {
  name: 'events',
  remembers: true,
  description: 'adaptive strategy over the pool, panes from tmux subscriptions (EventPaneLister)',
  async setUp(server, agents, options) {
    const { runner, extra } = await controlParts(server, options.poolSize);
    const lister = new EventPaneLister(runner, { server });
    const checker = new AsyncHealthChecker({ runner, clock: { now: () => Date.now() }, ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }) });
    return strategyCycleSession(
      runner,
      checker,
      createAdaptiveStrategy({ staleness: 3600, always_capture_states: [], always_capture_roles: [] }),
      agents,
      {
        ...extra,
        // The lister's own control client counts as one started process.
        processes: () => extra.processes() + (lister.stats().mode === 'events' ? 1 : 0),
        close: async () => {
          await lister.close();
          await extra.close();
        },
      },
      discoverer(runner, agents, lister),
    );
  },
};

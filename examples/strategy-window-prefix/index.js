// An example third-party strategy, outside the workspace: it uses only the public contract
// (`@tmux-orc/strategies`, a peer) and keeps every rule of packages/strategies/README.md.
import { failedCheckResult, freshObservation, keptObservation, readStrategyOptions } from '@tmux-orc/strategies';

/** @type {import('@tmux-orc/strategies').StrategyFactory} */
export const createStrategy = (options) => {
  const read = readStrategyOptions('window-prefix', options);
  const prefix = read.string('prefix', 'Claude-');
  const includePm = read.boolean('include_pm', true);
  const every = read.positiveInteger('every', 5);
  read.rejectUnknown();
  let cycle = 0;
  return {
    specificationVersion: 'v1',
    name: 'window-prefix',
    description: `windows named ${prefix}*${includePm ? ' and the PM' : ''} every cycle, the rest every ${every}`,
    async observe({ panes, previous, services }) {
      cycle += 1;
      const due = panes.filter((pane) => pane.windowName.startsWith(prefix) || (includePm && pane.role === 'pm') || cycle % every === 0 || !previous.has(pane.id));
      const results = await services.checker.checkMany(due);
      const now = services.clock.now();
      const observations = new Map();
      for (const pane of panes) {
        const result = results.get(pane.id);
        const last = previous.get(pane.id);
        // Rule 1: an observation for every pane, even one whose check gave nothing.
        if (result !== undefined) observations.set(pane.id, freshObservation(pane, result, now));
        else if (last !== undefined) observations.set(pane.id, keptObservation(last, now));
        else observations.set(pane.id, freshObservation(pane, failedCheckResult(new Error(`no result for pane ${pane.id}`), now), now));
      }
      return observations;
    },
  };
};

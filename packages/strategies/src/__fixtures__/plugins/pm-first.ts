// The plugin example of the README, kept identical to it by readme.test.ts.
import { freshObservation, keptObservation, readStrategyOptions, type Observation, type StrategyFactory } from '@tmux-orc/strategies';

export const createStrategy: StrategyFactory = (options) => {
  const read = readStrategyOptions('pm-first', options);
  const every = read.positiveInteger('every', 3); // look at agents every 3rd cycle
  read.rejectUnknown();
  let cycle = 0;
  return {
    specificationVersion: 'v1',
    name: 'pm-first',
    description: `the PM every cycle, agents every ${every}`,
    async observe({ panes, previous, services }) {
      cycle += 1;
      const due = panes.filter((p) => p.role === 'pm' || cycle % every === 0 || !previous.has(p.id));
      const results = await services.checker.checkMany(due);
      const now = services.clock.now();
      const observations = new Map<string, Observation>();
      for (const pane of panes) {
        const result = results.get(pane.id);
        const last = previous.get(pane.id);
        if (result !== undefined) observations.set(pane.id, freshObservation(pane, result, now));
        else if (last !== undefined) observations.set(pane.id, keptObservation(last, now));
      }
      return observations;
    },
  };
};

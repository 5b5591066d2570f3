import { agentStates, readStrategyOptions, type PaneRole, type StrategyFactory } from '@tmux-orc/strategies';
import { defaultStalenessMs, problemStates } from './adaptive-options.js';
import { createAdaptiveStrategy } from './adaptive-strategy.js';

const paneRoles: readonly PaneRole[] = ['agent', 'pm'];

/**
 * The plugin entry point `loadStrategy('adaptive', options)` calls, with
 * `monitoring.async.strategy_options` as written in config: `staleness` (seconds, like every
 * duration in config; default 10), `max_captures_per_cycle` (a positive integer or null),
 * `always_capture_states` (default: the problem states), `always_capture_roles` (default `[pm]`).
 */
export const createStrategy: StrategyFactory = (options) => {
  const read = readStrategyOptions('adaptive', options);
  const staleness = read.positiveNumber('staleness', defaultStalenessMs / 1000);
  const maxCapturesPerCycle = read.optionalPositiveInteger('max_captures_per_cycle');
  const alwaysCaptureStates = read.stringList('always_capture_states', agentStates, problemStates);
  const alwaysCaptureRoles = read.stringList('always_capture_roles', paneRoles, ['pm']);
  read.rejectUnknown();
  return createAdaptiveStrategy({ stalenessMs: staleness * 1000, maxCapturesPerCycle, alwaysCaptureStates, alwaysCaptureRoles });
};

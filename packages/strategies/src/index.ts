export {
  type MonitoredPane,
  type MonitoringStrategy,
  type Observation,
  type PaneChecker,
  type PaneRole,
  type StrategyCycleInput,
  type StrategyFactory,
  type StrategyServices,
  strategySpecificationVersion,
} from './monitoring-strategy.js';
export { StrategyError, strategyErrorCodes, type StrategyErrorCode } from './strategy-error.js';
export { StrategyLoadError, type StrategyLoadErrorCode } from './strategy-load-error.js';
export { readStrategyOptions, type StrategyOptionsReader } from './strategy-options.js';
export { failedCheckResult, freshObservation, keptObservation } from './observation.js';
export { createPollingStrategy } from './polling-strategy.js';
export { createConcurrentStrategy } from './concurrent-strategy.js';
export { loadStrategy, type LoadStrategyOptions } from './load-strategy.js';
export { createStrategyHost, type StrategyHost, type StrategyHostOptions } from './strategy-host.js';
// What plugin authors need from the packages below, so a plugin depends on this package only.
export { agentStates, defaultDebounceMs, type AgentState, type CheckedPane, type HealthDetail, type HealthResult } from '@tmux-orc/health-checker';
export type { PaneInfo, TmuxRunner } from '@tmux-orc/tmux-pool';

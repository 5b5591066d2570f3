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
// What plugin authors need of the checker's and the pool's types, declared here (the same shapes,
// proven in contract-types.test.ts) so that a plugin depends on this package only.
export { agentStates, defaultDebounceMs, type AgentState } from './agent-state.js';
export type { HealthDetail, HealthResult } from './health-result.js';
export type { CheckedPane, PaneInfo, RunOptions, TmuxRunner } from './pane-info.js';

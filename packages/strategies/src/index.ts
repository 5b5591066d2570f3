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

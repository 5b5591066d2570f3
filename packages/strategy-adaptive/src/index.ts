export {
  defaultStalenessMs,
  problemStates,
  resolveAdaptiveOptions,
  type AdaptiveStrategyOptions,
  type ResolvedAdaptiveOptions,
} from './adaptive-options.js';
export { createAdaptiveStrategy, type AdaptiveStrategy } from './adaptive-strategy.js';
export { createStrategy } from './create-strategy.js';
export {
  captureReasons,
  planCaptures,
  type CapturePlan,
  type CaptureReason,
  type PlanCapturesInput,
  type PlannedCapture,
} from './plan-captures.js';

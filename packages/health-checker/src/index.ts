export {
  AsyncHealthChecker,
  type AsyncHealthCheckerOptions,
  type PaneContentCache,
} from './async-health-checker.js';
export { agentStates, type AgentState, type ObservedState } from './agent-state.js';
export type { AgentDetector, MatchConfidence } from './agent-detector.js';
export { classifyScreen } from './classify-screen.js';
export { controlModeConcurrency, defaultConcurrency, defaultConcurrencyFor, limitsByConcurrency } from './check-concurrency.js';
export type { DetectorPane } from './detector-pane.js';
export { aiderDetector } from './detectors/aider.js';
export { builtinDetectors } from './detectors/builtin-detectors.js';
export { claudeCodeDetector } from './detectors/claude-code.js';
export { codexDetector } from './detectors/codex.js';
export { geminiDetector } from './detectors/gemini.js';
export { shellDetector } from './detectors/shell.js';
export { HealthChecker, defaultDebounceMs, failedResult, type HealthCheckerOptions } from './health-checker.js';
export { HealthCheckerError, healthCheckerErrorCodes, type HealthCheckerErrorCode } from './health-checker-error.js';
export type { Classification, HealthDetail, HealthResult } from './health-result.js';
export type { CheckedPane } from './pane-result.js';
export { splitAtPromptBox, type PromptBoxScreen } from './prompt-box.js';
export {
  createScreenStateTracker,
  type ScreenStateTracker,
  type ScreenStateTrackerOptions,
} from './screen-state-tracker.js';
export { selectDetector } from './select-detector.js';
export { findShellPrompt, isShellCommand, shellCommands } from './shell-prompt.js';

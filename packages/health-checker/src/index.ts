// The public surface: what the other tmux-orc packages, the apps and users import (and the types
// of its options and results). The detectors' parts stay internal; exports.test.ts keeps it so.
export {
  AsyncHealthChecker,
  type AsyncHealthCheckerOptions,
  type PaneContentCache,
} from './async-health-checker.js';
export { agentStates, type AgentState, type ObservedState } from './agent-state.js';
export type { AgentDetector, MatchConfidence } from './agent-detector.js';
export { classifyScreen } from './classify-screen.js';
export type { DetectorPane } from './detector-pane.js';
export { builtinDetectors } from './detectors/builtin-detectors.js';
export { HealthChecker, defaultDebounceMs, failedResult, type HealthCheckerOptions } from './health-checker.js';
export { HealthCheckerError, healthCheckerErrorCodes, type HealthCheckerErrorCode } from './health-checker-error.js';
export type { Classification, HealthDetail, HealthResult } from './health-result.js';
export type { CheckedPane } from './pane-result.js';
export {
  createScreenStateTracker,
  type ScreenStateTracker,
  type ScreenStateTrackerOptions,
} from './screen-state-tracker.js';
export { isShellCommand } from './shell-prompt.js';
export { chooseDetector, type ChoiceBasis, type DetectorCandidate, type DetectorChoice } from './detector-choice.js';
export type { DetectorRule, TitleReading } from './detector-rule.js';
export { explainScreen, type ScreenExplanation } from './explain-screen.js';
export { allRules } from './all-rules.js';
export { compareVersions, parseVersion } from './proofs/compare-versions.js';
export type { DetectorProof } from './proofs/detector-proof.js';
export { detectorProofs, provenVersions, type VersionStanding, versionStanding } from './proofs/detector-proofs.js';

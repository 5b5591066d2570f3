// Test helpers for strategy authors: `@tmux-orc/strategies/testing`. The real-tmux fleet helper is
// `@tmux-orc/sim-fleet/vitest` (`useTmuxSandbox`), the simulated agents `@tmux-orc/sim-fleet`.
export { testPane, scriptedChecker } from './test-panes.js';
export type { ScriptedChecker, ScriptedCheckerOptions } from './scripted-checker-types.js';
export { createManualClock, type ManualClock } from '@tmux-orc/clock';

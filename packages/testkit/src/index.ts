export { liveSandboxSocketNames } from './live-sandboxes.js';
export { shellQuote } from './shell-quote.js';
export { type SimAgentCommandOptions, simAgentCommand, simAgentPath, simAgentProcessName, simAgentScreensDir } from './sim-agent.js';
export { useSuiteTmuxSandbox, useTmuxSandbox } from './use-tmux-sandbox.js';
export { type SpawnAgentsOptions, type SpawnedAgent } from './spawn-agents.js';
export { TESTKIT_ERROR_CODES, TestkitError, type TestkitErrorCode } from './testkit-error.js';
export {
  type NewSessionOptions,
  type NewWindowOptions,
  type TmuxSandbox,
  type TmuxSandboxOptions,
  type WaitForScreenOptions,
  createTmuxSandbox,
} from './tmux-sandbox.js';
export { type FakeAnthropic, type FakeAnthropicOptions, type FakeAnthropicRequest, startFakeAnthropic } from './fake-anthropic/start-fake-anthropic.js';
export { type FakeReply, type FakeRequestContext, type FakeScenario } from './fake-anthropic/fake-reply.js';
export { defaultScenarios } from './fake-anthropic/default-scenarios.js';
export { type ClaudeCodeBinary, type ClaudeCodeBinaryLookup, findClaudeCodeBinary } from './claude-code/claude-code-binary.js';
export { type ClaudeCodePane, type ClaudePermissionMode, type StartClaudeCodeOptions, startClaudeCode } from './claude-code/start-claude-code.js';
export { type ClaudeConfigOptions, type ClaudeHome, type FirstRunDialog, claudeConfig, createClaudeHome } from './claude-code/claude-home.js';
export { type PaneInfo, captureJoined, readPaneInfo } from './claude-code/pane-info.js';
export { type RecordedState, type ScreenCase, type ScreenCaseContext, screenCases } from './claude-code/screen-cases.js';
export { type RecordedScreen, type RecordScreensOptions, type ScreenSize, recordScreens, screenFileBase } from './claude-code/screen-recorder.js';

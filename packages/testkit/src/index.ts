// The sandbox, the simulated agent and the vitest helpers live in the public `@tmux-orc/sim-fleet`;
// re-exported so the suite's tests keep one import for every test tool.
export {
  type NewSessionOptions,
  type NewWindowOptions,
  type SimAgentCommandOptions,
  type SpawnAgentsOptions,
  type SpawnedAgent,
  type TmuxSandbox,
  type TmuxSandboxOptions,
  type WaitForScreenOptions,
  type DelayProxy,
  type ProcessEntry,
  type SshHost,
  type SshHostOptions,
  type SshHostTarget,
  createSshHost,
  createTmuxSandbox,
  descendantsOf,
  listProcesses,
  liveSandboxSocketNames,
  shellQuote,
  simAgentCommand,
  simAgentPath,
  simAgentProcessName,
  simAgentScreensDir,
  startDelayProxy,
} from '@tmux-orc/sim-fleet';
export { useSuiteSshHost, useSuiteTmuxSandbox, useTmuxSandbox } from '@tmux-orc/sim-fleet/vitest';
export { TESTKIT_ERROR_CODES, TestkitError, type TestkitErrorCode } from './testkit-error.js';
export { type FakeAnthropic, type FakeAnthropicOptions, type FakeAnthropicRequest, startFakeAnthropic } from './fake-anthropic/start-fake-anthropic.js';
export { type FakeReply, type FakeRequestContext, type FakeScenario } from './fake-anthropic/fake-reply.js';
export { defaultScenarios } from './fake-anthropic/default-scenarios.js';
export {
  type ClaudeCodeBinary,
  type ClaudeCodeBinaryLookup,
  type ClaudeCodePin,
  type FindClaudeCodeBinaryOptions,
  claudeCodePackages,
  findClaudeCodeBinary,
} from './claude-code/claude-code-binary.js';
export { type ClaudeCodePane, type ClaudePermissionMode, type StartClaudeCodeOptions, startClaudeCode } from './claude-code/start-claude-code.js';
export { type ClaudeConfigOptions, type ClaudeHome, type FirstRunDialog, claudeConfig, createClaudeHome } from './claude-code/claude-home.js';
export { type PaneInfo, captureJoined, readPaneInfo } from './claude-code/pane-info.js';
export { type RecordedState, type ScreenCase, type ScreenCaseContext, screenCases } from './claude-code/screen-cases.js';
export { type RecordedScreen, type RecordScreensOptions, type ScreenSize, recordScreens, screenFileBase } from './claude-code/screen-recorder.js';
export { type FakeOpenAI, type FakeOpenAIOptions, type FakeOpenAIRequest, startFakeOpenAI } from './fake-openai/start-fake-openai.js';
export { type FakeOpenAIReply, type FakeOpenAIRequestContext, type FakeOpenAIScenario } from './fake-openai/openai-reply.js';
export { codexScenarios } from './fake-openai/codex-scenarios.js';
export { type CodexBinary, type CodexBinaryLookup, findCodexBinary } from './codex/codex-binary.js';
export { type CodexConfigOptions, type CodexHome, codexConfig, createCodexHome } from './codex/codex-home.js';
export { type CodexPane, type StartCodexOptions, startCodex } from './codex/start-codex.js';
export { type CodexScreenCase, type CodexScreenCaseContext, CODEX_ALARMING_REPLY, CODEX_BUSY, CODEX_READY } from './codex/codex-screen-case.js';
export { codexScreenCases } from './codex/codex-screen-cases.js';
export { type FakeGemini, type FakeGeminiOptions, type FakeGeminiRequest, startFakeGemini } from './fake-gemini/start-fake-gemini.js';
export { type FakeGeminiReply, type FakeGeminiRequestContext, type FakeGeminiScenario } from './fake-gemini/gemini-reply.js';
export { defaultGeminiScenarios } from './fake-gemini/default-gemini-scenarios.js';
export { type GeminiCli, type GeminiCliLookup, findGeminiCli } from './gemini/gemini-cli-entry.js';
export { type GeminiHome, type GeminiSettingsOptions, createGeminiHome, geminiSettings } from './gemini/gemini-home.js';
export { type GeminiApprovalMode, type GeminiCliPane, type StartGeminiCliOptions, startGeminiCli } from './gemini/start-gemini-cli.js';
export { type GeminiScreenCase, type GeminiScreenCaseContext, GEMINI_BUSY, GEMINI_READY, geminiReady } from './gemini/gemini-screen-case.js';
export { GEMINI_ALARMING_REPLY, geminiScreenCases } from './gemini/gemini-screen-cases.js';
export { type RecordedGeminiScreen, type RecordGeminiScreensOptions, recordGeminiScreens } from './gemini/gemini-screen-recorder.js';
export { type OpencodeBinary, type OpencodeBinaryLookup, findOpencodeBinary } from './opencode/opencode-binary.js';
export { type OpencodePane, type StartOpencodeOptions, OPENCODE_BASH, opencodeScenarios, startOpencode } from './opencode/start-opencode.js';

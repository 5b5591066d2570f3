export { type Clock, systemClock } from './clock.js';
export { liveSandboxSocketNames } from './live-sandboxes.js';
export { shellQuote } from './shell-quote.js';
export { type SimAgentCommandOptions, simAgentCommand, simAgentPath, simAgentScreensDir } from './sim-agent.js';
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

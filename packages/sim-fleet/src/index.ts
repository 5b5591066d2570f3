export { shellQuote } from './shell-quote.js';
export { tmuxClientEnv } from './run-tmux.js';
export { liveSandboxSocketNames } from './live-sandboxes.js';
export { type SimAgentCommandOptions, simAgentCommand, simAgentPath, simAgentProcessName, simAgentScreensDir } from './sim-agent.js';
export { type SpawnAgentsOptions, type SpawnedAgent } from './spawn-agents.js';
export { SimFleetError, type SimFleetErrorCode, simFleetErrorCodes } from './sim-fleet-error.js';
export {
  type NewSessionOptions,
  type NewWindowOptions,
  type TmuxSandbox,
  type TmuxSandboxOptions,
  type WaitForScreenOptions,
  createTmuxSandbox,
} from './tmux-sandbox.js';

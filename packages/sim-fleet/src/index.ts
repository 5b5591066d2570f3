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
export { type SshHost, type SshHostOptions, type SshHostTarget, createSshHost } from './ssh-host/ssh-host.js';
export { type DelayProxy, type DelayProxyOptions, startDelayProxy } from './ssh-host/delay-proxy.js';
export { type ProcessEntry, descendantsOf, listProcesses } from './ssh-host/process-table.js';

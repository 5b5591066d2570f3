// Declared here, not imported, so that a plugin installing the contract pulls in no monitor code.
// `contract-types.test.ts` proves these equal `@tmux-orc/health-checker`'s (types and values).

/** Every state a monitored agent can be in, in the order a user scans them. */
export const agentStates = [
  'active',
  'idle',
  'waiting_input',
  'queued_message',
  'fresh',
  'error',
  'rate_limited',
  'compacting',
  'crashed',
  'unknown',
] as const;

/** The state of one agent (`@tmux-orc/health-checker` documents each). */
export type AgentState = (typeof agentStates)[number];

/** How long (ms) a screen must stay unchanged before the checker calls the pane `idle`, unless configured. */
export const defaultDebounceMs = 10_000;

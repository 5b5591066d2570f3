/** Agent states the monitor can report (see ARCHITECTURE.md, "Agent states"). */
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

/** One of {@link agentStates}. */
export type AgentState = (typeof agentStates)[number];


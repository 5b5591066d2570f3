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

/**
 * The state of one agent: `active` working; `idle` quiet for the debounce window; `waiting_input`
 * an approval or choice waits for a person; `queued_message` text typed and never submitted;
 * `fresh` started, never given work; `error` API/auth errors, retry loops; `rate_limited` a usage or
 * rate limit; `compacting` compacting its context; `crashed` the agent is gone; `unknown` nothing on
 * screen can be trusted to decide.
 */
export type AgentState = (typeof agentStates)[number];

/**
 * What a detector can tell from one screen. `no_activity` is a candidate, not a state: the
 * monitor's tracker turns it into `idle` (screen unchanged for the debounce window) or `active`
 * (screen still changing). A detector never answers `idle` itself.
 */
export type ObservedState = Exclude<AgentState, 'idle'> | 'no_activity';

/** Every {@link ObservedState}, for checking a plugin's answer at runtime. */
export const observedStates: readonly ObservedState[] = [...agentStates.filter((s) => s !== 'idle'), 'no_activity'] as ObservedState[];

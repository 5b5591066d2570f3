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
 * The state of one agent.
 * - `active`: working (spinner, streaming, a changing screen).
 * - `idle`: no activity sign and a screen unchanged for the debounce window.
 * - `waiting_input`: an approval or choice prompt waits for a person.
 * - `queued_message`: text typed into the input but not submitted.
 * - `fresh`: started, never given work.
 * - `error`: API/auth errors, retry loops.
 * - `rate_limited`: a usage or rate limit; `detail.resetAt` when the screen shows it.
 * - `compacting`: the agent is compacting its context.
 * - `crashed`: the pane is dead, or the agent is gone and a shell prompt is back.
 * - `unknown`: nothing on the screen can be trusted to decide.
 */
export type AgentState = (typeof agentStates)[number];

/**
 * What a detector can tell from one screen. `no_activity` is a candidate, not a state: the
 * {@link ScreenStateTracker} turns it into `idle` (screen unchanged for the debounce window)
 * or `active` (screen still changing).
 */
export type ObservedState = Exclude<AgentState, 'idle'> | 'no_activity';

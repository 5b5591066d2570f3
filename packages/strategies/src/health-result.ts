import type { AgentState } from './agent-state.js';

// The checker's verdict as the contract sees it: the same shape as `@tmux-orc/health-checker`'s
// `HealthResult` (proven equal in `contract-types.test.ts`), declared here so plugins need only this package.

/** Facts a detector read off the screen, beyond the state itself. Every field is optional. */
export interface HealthDetail {
  /** The question of an approval or choice prompt (`waiting_input`). */
  readonly question?: string;
  /** The choices offered with the question, as shown. */
  readonly options?: readonly string[];
  /** Retry attempt shown by the agent (`error`). */
  readonly attempt?: number;
  /** Highest attempt the agent will make, when shown. */
  readonly maxAttempts?: number;
  /** When the agent will retry, as shown ("5s", "2.0 seconds"). */
  readonly retryIn?: string;
  /** When a rate limit resets, as shown ("3pm (Europe/Paris)", "3:28 PM"). */
  readonly resetAt?: string;
  /** Exit status of a dead pane (`crashed`), null when tmux does not know it. */
  readonly exitStatus?: number | null;
  /** Text sitting in the input box (`queued_message`). */
  readonly queuedText?: string;
  /** The error message shown (`error`, `rate_limited`). */
  readonly message?: string;
  /** The pane's current command, when it decided (`crashed`, `unknown`). */
  readonly currentCommand?: string;
  /** How long the screen has not changed (`idle`, and `active` decided by a changing screen). */
  readonly unchangedForMs?: number;
  /** Work that outlives the agent's turn, as shown (`1 shell still running`). */
  readonly background?: string;
  /** Why a detector could not decide (`unknown`). */
  readonly reason?: string;
  /** True when the pane was listed but gone when its screen was captured (`unknown`): the monitor skips it. */
  readonly vanished?: boolean;
  /** `window_activity` when a first sight was settled by tmux's record of the pane's last output. */
  readonly basis?: 'window_activity';
}

/** A final verdict on an agent: its state and since when it holds. */
export interface HealthResult {
  readonly state: AgentState;
  /** Id of the detector that decided, e.g. `claude-code`. */
  readonly detector: string;
  /** Id of the rule that decided, `<detector>/<rule>` (e.g. `claude-code/choice-dialog`), when the detector names one. */
  readonly rule?: string;
  readonly detail: HealthDetail;
  /** The screen line(s) that decided. */
  readonly evidence: readonly string[];
  /** Clock time (ms, from the services' clock) since which the pane has been in `state`. */
  readonly since: number;
}

import type { ObservedState } from './agent-state.js';

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
  /** When a rate limit resets, as shown ("3pm (Europe/Paris)"). */
  readonly resetAt?: string;
  /** Exit status of a dead pane (`crashed`), null when tmux does not know it. */
  readonly exitStatus?: number | null;
  /** Text sitting in the input box (`queued_message`). */
  readonly queuedText?: string;
  /** The error message shown (`error`, `rate_limited`). */
  readonly message?: string;
  /** The pane's current command, when it decided (`crashed`, `unknown`). */
  readonly currentCommand?: string;
  /** How long the screen has not changed; set by the tracker, not by detectors. */
  readonly unchangedForMs?: number;
  /** Work that outlives the agent's turn, as shown (`1 shell still running`). */
  readonly background?: string;
  /** Why the detector could not decide (`unknown`). */
  readonly reason?: string;
  /** Set by the checker for a pane that vanished before its capture; never by detectors. */
  readonly vanished?: boolean;
  /** Set by the checker when tmux's `window_activity` settled a first sight; never by detectors. */
  readonly basis?: 'window_activity';
}

/** One detector's reading of one screen. `state` may be the `no_activity` candidate. */
export interface Classification {
  readonly state: ObservedState;
  /** Id of the detector that decided: the detector's own `id`. */
  readonly detector: string;
  readonly detail: HealthDetail;
  /** The screen line(s) that decided, trimmed; empty only when nothing on screen decided. */
  readonly evidence: readonly string[];
}

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
  /** How long the screen has not changed (`idle`, and `active` decided by a changing screen); set by the tracker, not by detectors. */
  readonly unchangedForMs?: number;
  /**
   * Work that outlives the agent's turn, as shown (`1 shell still running` on an `idle` agent,
   * `Waiting for 1 background agent to finish` on an `active` one).
   */
  readonly background?: string;
  /** Why the detector could not decide (`unknown`). */
  readonly reason?: string;
  /**
   * True when the pane was listed but no longer existed when its screen was captured (`unknown`):
   * the monitor skips it this cycle. Set by the checker, never by detectors; decide on this flag,
   * never on `reason`'s wording.
   */
  readonly vanished?: boolean;
  /** `window_activity` when a first sight was settled by tmux's record of the pane's last output; set by the checker. */
  readonly basis?: 'window_activity';
}

/** One detector's reading of one screen. `state` may be the `no_activity` candidate. */
export interface Classification {
  readonly state: ObservedState;
  /** Id of the detector that decided: the detector's own `id`. */
  readonly detector: string;
  /**
   * Id of the rule that decided, `<detector>/<rule>` (e.g. `claude-code/choice-dialog`): stable, so
   * `tmux-orc explain` can name it. Every built-in detector sets it; a plugin may.
   */
  readonly rule?: string;
  readonly detail: HealthDetail;
  /** The screen line(s) that decided, trimmed; empty only when nothing on screen decided. */
  readonly evidence: readonly string[];
}

import type { AgentState } from '../../agent-state.js';
import type { HealthDetail } from '../../health-result.js';

/**
 * What the health checker must say on a live Claude Code pane once a screen case's driver has
 * brought it into its state.
 * - `reaches`: an observation with `state` (and `detail`) comes within a few cycles; with
 *   `holds`, every observation for two debounce windows after it says `state` too.
 * - `idle`: the pane becomes `idle` once its screen stayed unchanged for the debounce window,
 *   and is `active` until then.
 */
export type LiveExpectation =
  | {
      readonly kind: 'reaches';
      readonly state: AgentState;
      /** Fields the detail must match (`expect.objectContaining`); asymmetric matchers allowed. */
      readonly detail?: Partial<Record<keyof HealthDetail, unknown>>;
      readonly holds?: boolean;
    }
  | { readonly kind: 'idle' };

/** One screen case of `@tmux-orc/testkit` run live, and what the checker must say. */
export interface LiveCase {
  /** `<state>-<name>` of the testkit's `screenCases`. */
  readonly key: string;
  readonly expect: LiveExpectation;
  /** States no observation may show, from the first `fresh` to the end (beyond the global rules). */
  readonly never?: readonly AgentState[];
  /**
   * `start` for a case whose CLI opens on a dialog (first-run dialogs): the pane is never
   * `fresh` first; the rules apply from its first observation of the expected state. Default `fresh`.
   */
  readonly from?: 'fresh' | 'start';
}

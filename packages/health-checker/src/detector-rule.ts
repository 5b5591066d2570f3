import type { ObservedState } from './agent-state.js';

/**
 * One rule of a detector: what it looks for and the states it can give. A detector lists its
 * rules in the order it tries them, so an explanation can say which rules were tried before the
 * one that decided. Every classification names its rule (`Classification.rule`).
 */
export interface DetectorRule {
  /** Stable id, `<detector>/<rule>`, e.g. `claude-code/choice-dialog`; listed in the health-checker README. */
  readonly id: string;
  /** The states this rule can give. */
  readonly states: readonly ObservedState[];
  /** What the rule looks for, in one sentence. */
  readonly looksFor: string;
  /**
   * True when the rule decides on the absence of signs (a quiet prompt, a redraw): the screen alone
   * cannot tell active from idle, and a pane title that says the CLI works may break the tie.
   */
  readonly ambiguous?: boolean;
}

/** What a CLI's pane title says about it, when the CLI writes its state there. */
export type TitleReading = 'working' | 'waiting' | 'ready';

/** A rule as a detector declares it: its name within the detector. */
export interface RuleSpec {
  readonly name: string;
  readonly states: readonly ObservedState[];
  readonly looksFor: string;
  readonly ambiguous?: boolean;
}

/** The crash rules every agent detector shares (`detectCrash`), tried first. */
export const crashRuleSpecs = [
  { name: 'pane-dead', states: ['crashed'], looksFor: 'tmux says the pane is dead (remain-on-exit); its exit status is the detail' },
  { name: 'exited-to-shell', states: ['crashed'], looksFor: "a shell is the pane's command again and a shell prompt is at the bottom (or drawn over the agent's last screen)" },
] as const satisfies readonly RuleSpec[];

/** Turns a detector's specs into its {@link DetectorRule} list, ids prefixed with the detector id. */
export function detectorRules(detector: string, specs: readonly RuleSpec[]): readonly DetectorRule[] {
  return specs.map((spec) => ({
    id: `${detector}/${spec.name}`,
    states: spec.states,
    looksFor: spec.looksFor,
    ...(spec.ambiguous === true ? { ambiguous: true } : {}),
  }));
}

/** The rule every detector gains from its pane title (see `applyTitleTiebreak`), tried last. */
export const titleWorkingSpec = {
  name: 'title-working',
  states: ['active'],
  looksFor: 'the screen shows no sign either way (an ambiguous rule decided) and the pane title the CLI writes says it works',
} as const satisfies RuleSpec;

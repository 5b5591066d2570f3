import type { AgentDetector } from './agent-detector.js';
import { checkerRules } from './checker-rules.js';
import type { DetectorPane } from './detector-pane.js';
import { chooseDetector, type ChoiceBasis, type DetectorCandidate } from './detector-choice.js';
import type { DetectorRule, TitleReading } from './detector-rule.js';
import { builtinDetectors } from './detectors/builtin-detectors.js';
import type { Classification } from './health-result.js';
import { applyTitleTiebreak } from './title-tiebreak.js';

/** Why a screen reads as it does: the detector and why it was chosen, the rule, what was tried first. */
export interface ScreenExplanation {
  readonly detector: {
    readonly id: string;
    readonly basis: ChoiceBasis;
    /** Every detector's bid, highest first; empty when the `@tmux-orc-agent` option chose. */
    readonly candidates: readonly DetectorCandidate[];
  };
  /** The verdict, as `classifyScreen` gives it (title tiebreak included). */
  readonly classification: Classification;
  /** The deciding rule from the detector's list; null for a detector that lists none. */
  readonly rule: DetectorRule | null;
  /** Rules the detector tries before the screen's deciding one: none of them decided this screen. */
  readonly triedBefore: readonly DetectorRule[];
  /** The pane title and what the detector reads in it (null: it says nothing, or the CLI writes none). */
  readonly title: { readonly value: string; readonly reading: TitleReading | null };
  /** The screen's own verdict when the title broke its tie; null when the screen decided alone. */
  readonly screenAlone: Classification | null;
}

/** The rules of a detector, and the checker's own. */
function rulesOf(detector: AgentDetector): readonly DetectorRule[] {
  return [...(detector.rules ?? []), ...checkerRules];
}

/**
 * Explains one screen: which detector reads it and on what signal (agent option, command, title,
 * start command, screen signature — with each detector's confidence), the rule that decided and
 * its evidence, the rules tried before it, and what the pane title says. Pure, as `classifyScreen`.
 */
export function explainScreen(pane: DetectorPane, screen: string, detectors: readonly AgentDetector[] = builtinDetectors): ScreenExplanation {
  const choice = chooseDetector(pane, screen, detectors);
  const { detector } = choice;
  const alone = detector.classify(screen, pane);
  const decided = applyTitleTiebreak(detector, pane, alone);
  const rules = rulesOf(detector);
  const index = rules.findIndex((rule) => rule.id === decided.rule);
  // When the title broke the tie, the rules tried are those before the screen's own (ambiguous) rule.
  const screenIndex = rules.findIndex((rule) => rule.id === alone.rule);
  return {
    detector: { id: detector.id, basis: choice.basis, candidates: choice.candidates },
    classification: decided,
    rule: rules[index] ?? null,
    triedBefore: screenIndex < 0 ? [] : rules.slice(0, screenIndex),
    title: { value: pane.title, reading: detector.readTitle?.(pane.title) ?? null },
    screenAlone: decided === alone ? null : alone,
  };
}

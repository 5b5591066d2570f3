import type { AgentDetector as ContractDetector } from '@tmux-orc/detector-kit';
import type { DetectorRule, TitleReading } from './detector-rule.js';

export type { MatchConfidence } from '@tmux-orc/detector-kit';

/**
 * Reads the screens of one agent CLI: the plugin contract of `@tmux-orc/detector-kit` (v1), which
 * every built-in implements, plus what a detector may also tell `explain` (both optional, so a
 * plugin goes wherever a built-in goes; `detector-kit-contract-types.test.ts` keeps it so).
 */
export interface AgentDetector extends ContractDetector {
  /** Its rules, in the order `classify` tries them (ids in `Classification.rule`). */
  readonly rules?: readonly DetectorRule[];
  /** What the pane title says, for a CLI that writes its state there; null when it says nothing. */
  readTitle?(title: string): TitleReading | null;
}

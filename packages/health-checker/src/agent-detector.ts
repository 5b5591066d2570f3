import type { detectorContractVersion } from '@tmux-orc/detector-kit';
import type { DetectorPane } from './detector-pane.js';
import type { DetectorRule, TitleReading } from './detector-rule.js';
import type { Classification } from './health-result.js';

/** How sure a detector is that a pane runs its CLI: 0 = not at all, 1 = certain. */
export type MatchConfidence = number;

/**
 * Reads the screens of one agent CLI. Implementations are small and pure: no tmux, no clock. The
 * built-ins implement the plugin contract of `@tmux-orc/detector-kit` (v1); its `AgentDetector` and
 * this one are assignable both ways (`detector-kit-contract-types.test.ts` keeps it so).
 */
export interface AgentDetector {
  /** The detector contract version, `'v1'`. */
  readonly contractVersion: typeof detectorContractVersion;
  /** Stable id, also the value of the `@tmux-orc-agent` option that selects it, e.g. `claude-code`. */
  readonly id: string;
  /** One line for listings. */
  readonly description?: string;
  /** The CLI versions whose real screens prove this detector; empty or absent: unproven. */
  readonly provenVersions?: readonly string[];
  /** A plugin that replaces the built-in of the same id says so (see `@tmux-orc/detector-kit`). */
  readonly overridesBuiltin?: boolean;
  /**
   * How sure this detector is that `pane` runs its CLI, from the pane's current command and
   * title and, when given, a signature on the screen.
   */
  matches(pane: DetectorPane, screen?: string): MatchConfidence;
  /** Classifies one captured screen of a pane running this CLI. */
  classify(screen: string, pane: DetectorPane): Classification;
  /** Its rules, in the order `classify` tries them (ids in `Classification.rule`). */
  readonly rules?: readonly DetectorRule[];
  /** What the pane title says, for a CLI that writes its state there; null when it says nothing. */
  readTitle?(title: string): TitleReading | null;
}

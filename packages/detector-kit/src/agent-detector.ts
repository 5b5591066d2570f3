import type { Classification } from './classification.js';
import type { DetectorPane } from './detector-pane.js';

/** The version of the detector contract this package describes; a detector declares it as `contractVersion`. */
export const detectorContractVersion = 'v1';

/** How sure a detector is that a pane runs its CLI: 0 = not at all, 1 = certain. */
export type MatchConfidence = number;

/**
 * Reads the screens of one agent CLI (contract v1). Small and pure: no tmux, no clock, no I/O;
 * the rules every detector keeps are in this package's README.
 *
 * @example
 * const detector: AgentDetector = {
 *   contractVersion: 'v1',
 *   id: 'opencode',
 *   matches: (pane, screen) => (pane.currentCommand === 'opencode' ? 0.9 : 0),
 *   classify: (screen, pane) => ({ state: 'no_activity', detector: 'opencode', detail: {}, evidence: [] }),
 * };
 */
export interface AgentDetector {
  /** The contract version the detector was written against: `'v1'`. */
  readonly contractVersion: typeof detectorContractVersion;
  /** Stable id, also the value of the `@tmux-orc-agent` option that selects it, e.g. `opencode`. */
  readonly id: string;
  /** One line for listings, e.g. `opencode (sst/opencode) TUI`. */
  readonly description?: string;
  /** The CLI versions whose real screens prove this detector, e.g. `['1.18.33']`; empty or absent: unproven. */
  readonly provenVersions?: readonly string[];
  /**
   * True when the detector is meant to replace a built-in detector of the same `id`. Without it,
   * a plugin whose id is a built-in's is refused at load, so a name clash never hides a built-in.
   */
  readonly overridesBuiltin?: boolean;
  /** How sure this detector is that `pane` runs its CLI, from the pane's facts and, when given, the screen. */
  matches(pane: DetectorPane, screen?: string): MatchConfidence;
  /** Classifies one captured screen of a pane running this CLI. */
  classify(screen: string, pane: DetectorPane): Classification;
}

/**
 * What a detector plugin exports as `createDetector` (or `default`): called once at load with the
 * options written in config (`detectors: [{ name, options }]`, snake_case keys as written). It is
 * synchronous and checks every option (`readDetectorOptions`).
 */
export type DetectorFactory = (options: Readonly<Record<string, unknown>>) => AgentDetector;

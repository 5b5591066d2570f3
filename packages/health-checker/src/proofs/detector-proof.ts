import type { AgentState } from '../agent-state.js';

/**
 * What real screens prove about one detector on one CLI version. Generated from the tests
 * (`pnpm detection-table`), never typed by hand: see `detector-proofs.generated.ts`.
 */
export interface DetectorProof {
  /** The detector's id, e.g. `claude-code`. */
  readonly detector: string;
  /** The CLI version the screens came from, e.g. `2.1.330`. */
  readonly version: string;
  /** States the live tests showed the checkers right on, with the real CLI running in tmux. */
  readonly live: readonly AgentState[];
  /** States with recorded real screens of this version in the fixture corpus (the detector tests read them). */
  readonly recorded: readonly AgentState[];
}

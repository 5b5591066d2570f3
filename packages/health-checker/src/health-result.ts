import type { AgentState } from './agent-state.js';
import type { HealthDetail } from '@tmux-orc/detector-kit';

// What a detector answers is part of the detector contract (`@tmux-orc/detector-kit`).
export type { Classification, HealthDetail } from '@tmux-orc/detector-kit';

/** A final verdict on an agent, after tracking: a real {@link AgentState} and since when it holds. */
export interface HealthResult {
  readonly state: AgentState;
  readonly detector: string;
  /** The deciding rule's id (see {@link Classification.rule}). */
  readonly rule?: string;
  readonly detail: HealthDetail;
  readonly evidence: readonly string[];
  /** Clock time (ms, from the injected clock) since which the pane has been in `state`. */
  readonly since: number;
}

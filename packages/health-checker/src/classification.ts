import type { ObservedState } from './agent-state.js';
import type { Classification, HealthDetail } from './health-result.js';

/** Builds a {@link Classification}, trimming the evidence lines. */
export function classification(
  detector: string,
  state: ObservedState,
  evidence: readonly string[],
  detail: HealthDetail = {},
): Classification {
  return { state, detector, detail, evidence: evidence.map((line) => line.trim()).filter((line) => line !== '') };
}

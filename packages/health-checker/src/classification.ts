import type { ObservedState } from './agent-state.js';
import type { Classification, HealthDetail } from './health-result.js';

/** Builds a {@link Classification}, trimming the evidence lines; `rule` is the deciding rule's id. */
export function classification(
  detector: string,
  state: ObservedState,
  evidence: readonly string[],
  detail: HealthDetail = {},
  rule?: string,
): Classification {
  return {
    state,
    detector,
    ...(rule === undefined ? {} : { rule }),
    detail,
    evidence: evidence.map((line) => line.trim()).filter((line) => line !== ''),
  };
}

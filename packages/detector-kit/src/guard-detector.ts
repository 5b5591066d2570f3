import type { AgentDetector } from './agent-detector.js';
import { observedStates } from './agent-state.js';
import type { Classification } from './classification.js';
import { describeValue } from './describe-value.js';

function unknownResult(id: string, reason: string): Classification {
  return { state: 'unknown', detector: id, detail: { reason }, evidence: [] };
}

/** Why `value` is not a valid Classification; null when it is one. */
function classificationProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return `a Classification object, got ${describeValue(value)}`;
  const { state, evidence, detail } = value as Partial<Record<keyof Classification, unknown>>;
  if (!observedStates.includes(state as never)) return `\`state\` to be one of ${observedStates.join(', ')}, got ${describeValue(state)}`;
  if (!Array.isArray(evidence) || !evidence.every((line) => typeof line === 'string')) return `\`evidence\` to be a list of strings, got ${describeValue(evidence)}`;
  if (typeof detail !== 'object' || detail === null) return `\`detail\` to be an object, got ${describeValue(detail)}`;
  return null;
}

/**
 * Wraps a plugin detector so that one bad screen never breaks a cycle: a `classify` that throws or
 * answers something that is not a Classification gives `unknown` with the reason (naming the
 * detector), a `matches` that throws or answers no number in 0..1 counts as 0. The result always
 * carries the detector's own id.
 */
export function guardDetector(detector: AgentDetector): AgentDetector {
  const { id } = detector;
  return {
    contractVersion: detector.contractVersion,
    id,
    ...(detector.description === undefined ? {} : { description: detector.description }),
    ...(detector.provenVersions === undefined ? {} : { provenVersions: [...detector.provenVersions] }),
    ...(detector.overridesBuiltin === undefined ? {} : { overridesBuiltin: detector.overridesBuiltin }),
    matches(pane, screen) {
      try {
        const confidence = detector.matches(pane, screen);
        return typeof confidence === 'number' && confidence >= 0 && confidence <= 1 ? confidence : 0;
      } catch {
        return 0;
      }
    },
    classify(screen, pane) {
      let result: unknown;
      try {
        result = detector.classify(screen, pane);
      } catch (error) {
        return unknownResult(id, `detector \`${id}\` threw: ${error instanceof Error ? error.message : String(error)}`);
      }
      const problem = classificationProblem(result);
      if (problem !== null) return unknownResult(id, `Expected detector \`${id}\` to answer ${problem}`);
      return { ...(result as Classification), detector: id };
    },
  };
}

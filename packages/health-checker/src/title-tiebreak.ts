import type { AgentDetector } from './agent-detector.js';
import { classification } from './classification.js';
import type { DetectorPane } from './detector-pane.js';
import { titleWorkingSpec } from './detector-rule.js';
import type { Classification } from './health-result.js';

/**
 * The screen decides; the pane title only breaks a tie. When the deciding rule is an ambiguous one
 * (it found no sign either way: a quiet prompt, a frame being redrawn) and the title the CLI writes
 * says a turn runs, the pane is `active` by `<detector>/title-working`. Any sign on the screen (a
 * dialog, an error, a finished turn) wins over the title, and a title that says "ready" decides
 * nothing: the tracker's debounce still does.
 */
export function applyTitleTiebreak(detector: AgentDetector, pane: DetectorPane, decided: Classification): Classification {
  if (decided.state !== 'no_activity' || detector.readTitle === undefined) return decided;
  const rule = detector.rules?.find((candidate) => candidate.id === decided.rule);
  if (rule?.ambiguous !== true || detector.readTitle(pane.title) !== 'working') return decided;
  return classification(detector.id, 'active', [`pane title: ${pane.title.trim()}`, ...decided.evidence], decided.detail, `${detector.id}/${titleWorkingSpec.name}`);
}

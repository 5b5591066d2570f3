import type { AgentDetector } from './agent-detector.js';
import type { DetectorPane } from './detector-pane.js';
import { builtinDetectors } from './detectors/builtin-detectors.js';
import type { Classification } from './health-result.js';
import { selectDetector } from './select-detector.js';
import { applyTitleTiebreak } from './title-tiebreak.js';

/**
 * The pure entry point: picks the pane's detector ({@link selectDetector}) and classifies one
 * captured screen; a pane title that says the CLI works breaks the tie of an ambiguous screen
 * ({@link applyTitleTiebreak}). The result's state may be the `no_activity` candidate, which a
 * {@link ScreenStateTracker} turns into `idle` or `active`.
 */
export function classifyScreen(
  pane: DetectorPane,
  screen: string,
  detectors: readonly AgentDetector[] = builtinDetectors,
): Classification {
  const detector = selectDetector(pane, screen, detectors);
  return applyTitleTiebreak(detector, pane, detector.classify(screen, pane));
}

import type { AgentDetector } from './agent-detector.js';
import type { DetectorPane } from './detector-pane.js';
import { chooseDetector } from './detector-choice.js';
import { builtinDetectors } from './detectors/builtin-detectors.js';

/**
 * Picks the detector for a pane: the `@tmux-orc-agent` option wins; then the highest
 * confidence from the pane's current command and title; then a signature on the screen; else
 * the `shell` detector (which reports a shell's prompt, or `unknown` for anything else).
 * {@link chooseDetector} says why.
 */
export function selectDetector(
  pane: DetectorPane,
  screen: string | undefined,
  detectors: readonly AgentDetector[] = builtinDetectors,
): AgentDetector {
  return chooseDetector(pane, screen, detectors).detector;
}

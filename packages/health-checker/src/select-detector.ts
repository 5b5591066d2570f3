import type { AgentDetector } from './agent-detector.js';
import type { DetectorPane } from './detector-pane.js';
import { builtinDetectors } from './detectors/builtin-detectors.js';
import { shellDetector } from './detectors/shell.js';

/** Other names users give the CLIs in the `@tmux-orc-agent` option. */
const aliases: Readonly<Record<string, string>> = {
  claude: 'claude-code',
  'claude-code': 'claude-code',
  'gemini-cli': 'gemini',
  'codex-cli': 'codex',
};

/**
 * Picks the detector for a pane: the `@tmux-orc-agent` option wins; then the highest
 * confidence from the pane's current command and title; then a signature on the screen; else
 * the `shell` detector (which reports a shell's prompt, or `unknown` for anything else).
 */
export function selectDetector(
  pane: DetectorPane,
  screen: string | undefined,
  detectors: readonly AgentDetector[] = builtinDetectors,
): AgentDetector {
  if (pane.agentOption !== null) {
    const wanted = pane.agentOption.trim().toLowerCase();
    const chosen = detectors.find((detector) => detector.id === (aliases[wanted] ?? wanted));
    if (chosen !== undefined) return chosen;
  }
  let best: AgentDetector | undefined;
  let bestConfidence = 0;
  for (const detector of detectors) {
    const confidence = detector.matches(pane, screen);
    if (confidence > bestConfidence) {
      best = detector;
      bestConfidence = confidence;
    }
  }
  return best ?? detectors.find((detector) => detector.id === shellDetector.id) ?? shellDetector;
}

import type { AgentDetector, MatchConfidence } from './agent-detector.js';
import type { DetectorPane } from './detector-pane.js';
import { shellDetector } from './detectors/shell.js';

/** What made a detector the pane's: the signal that gave its confidence. */
export type ChoiceBasis = 'agent-option' | 'command' | 'title' | 'start-command' | 'screen-signature' | 'fallback';

/** One detector's bid for a pane. */
export interface DetectorCandidate {
  readonly id: string;
  readonly confidence: MatchConfidence;
  /** The signal its confidence comes from (null when it does not match at all). */
  readonly basis: Exclude<ChoiceBasis, 'agent-option' | 'fallback'> | null;
}

/** The detector picked for a pane, and why. */
export interface DetectorChoice {
  readonly detector: AgentDetector;
  readonly basis: ChoiceBasis;
  /** Every detector's bid, highest first (the agent option, when it named one, skips the bidding). */
  readonly candidates: readonly DetectorCandidate[];
}

/** Other names users give the CLIs in the `@tmux-orc-agent` option. */
const aliases: Readonly<Record<string, string>> = {
  claude: 'claude-code',
  'claude-code': 'claude-code',
  'gemini-cli': 'gemini',
  'codex-cli': 'codex',
};

const blank: DetectorPane = { dead: false, deadStatus: null, currentCommand: '', title: '', agentOption: null, startCommand: null };

/**
 * Which single signal gives `detector` its confidence: asked again with only the command, only the
 * title, only the start command, only the screen. Works for any detector, as `matches` is pure.
 */
function basisOf(detector: AgentDetector, pane: DetectorPane, screen: string | undefined, confidence: MatchConfidence): DetectorCandidate['basis'] {
  if (confidence <= 0) return null;
  const alone: [NonNullable<DetectorCandidate['basis']>, number][] = [
    ['command', detector.matches({ ...blank, currentCommand: pane.currentCommand })],
    ['title', detector.matches({ ...blank, title: pane.title })],
    ['start-command', detector.matches({ ...blank, startCommand: pane.startCommand ?? null })],
    ['screen-signature', screen === undefined ? 0 : detector.matches(blank, screen)],
  ];
  return alone.find(([, alsoConfidence]) => alsoConfidence === confidence)?.[0] ?? alone.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/**
 * Picks the detector for a pane, saying why: the `@tmux-orc-agent` option wins; then the highest
 * confidence from the pane's current command, title and start command and a signature on the
 * screen; else the `shell` detector.
 */
export function chooseDetector(pane: DetectorPane, screen: string | undefined, detectors: readonly AgentDetector[]): DetectorChoice {
  if (pane.agentOption !== null) {
    const wanted = pane.agentOption.trim().toLowerCase();
    const chosen = detectors.find((detector) => detector.id === (aliases[wanted] ?? wanted));
    if (chosen !== undefined) return { detector: chosen, basis: 'agent-option', candidates: [] };
  }
  let best: AgentDetector | undefined;
  let bestConfidence = 0;
  const bids: { detector: AgentDetector; confidence: MatchConfidence }[] = [];
  for (const detector of detectors) {
    const confidence = detector.matches(pane, screen);
    bids.push({ detector, confidence });
    if (confidence > bestConfidence) {
      best = detector;
      bestConfidence = confidence;
    }
  }
  const candidates = () =>
    bids
      .map(({ detector, confidence }) => ({ id: detector.id, confidence, basis: basisOf(detector, pane, screen, confidence) }))
      .sort((a, b) => b.confidence - a.confidence);
  if (best !== undefined) return { detector: best, basis: basisOf(best, pane, screen, bestConfidence) ?? 'fallback', get candidates() { return candidates(); } };
  return { detector: detectors.find((detector) => detector.id === shellDetector.id) ?? shellDetector, basis: 'fallback', get candidates() { return candidates(); } };
}

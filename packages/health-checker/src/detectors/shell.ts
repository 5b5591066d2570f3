import type { AgentDetector } from '../agent-detector.js';
import { classification } from '../classification.js';
import type { DetectorPane } from '../detector-pane.js';
import type { Classification } from '../health-result.js';
import { lastNonEmptyLines, toScreenLines } from '../screen-lines.js';
import { findShellPrompt, isShellCommand } from '../shell-prompt.js';
import { shellRules } from './shell-rules.js';

const id = 'shell';

function classifyShell(screen: string, pane: DetectorPane): Classification {
  const lines = toScreenLines(screen);
  if (pane.dead) {
    return classification(id, 'crashed', [`pane is dead (exit status ${pane.deadStatus === null ? 'unknown' : String(pane.deadStatus)})`], {
      exitStatus: pane.deadStatus,
      currentCommand: pane.currentCommand,
    }, `${id}/pane-dead`);
  }
  if (!isShellCommand(pane.currentCommand)) {
    return classification(id, 'unknown', lastNonEmptyLines(lines, 1), {
      currentCommand: pane.currentCommand,
      reason: `no detector knows the command "${pane.currentCommand}"`,
    }, `${id}/unknown-command`);
  }
  // A shell in the foreground waits at its prompt: no activity sign; the tracker decides idle/active.
  const prompt = findShellPrompt(lines);
  return classification(id, 'no_activity', prompt === null ? lastNonEmptyLines(lines, 1) : [prompt], {
    currentCommand: pane.currentCommand,
  }, `${id}/at-prompt`);
}

/**
 * Detector for plain shells, and the fallback when no agent detector matches: a shell is never
 * "crashed" (it is what is left), anything else it does not know is `unknown`.
 */
export const shellDetector: AgentDetector = {
  contractVersion: 'v1',
  id,
  matches(pane) {
    return isShellCommand(pane.currentCommand) ? 0.3 : 0;
  },
  classify: classifyShell,
  rules: shellRules,
};

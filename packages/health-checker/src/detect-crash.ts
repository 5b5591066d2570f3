import type { DetectorPane } from './detector-pane.js';
import type { Classification } from './health-result.js';
import { lastNonEmptyIndex } from './screen-lines.js';
import { findShellPromptAfterAgent, isShellCommand } from './shell-prompt.js';

// An agent's own input line (`❯ text` between two rules) is not a shell prompt.
const boxBorder = /^\s*(?:[╭╰]─|─{8,}|━{8,})/u;

// A plain `$ ` under a box's bottom is the shell's: Gemini CLI prints a summary box on /quit.
const boxBottom = /^\s*╰─/u;
const plainPrompt = /^[$#](?: |$)/u;

function isInsidePromptBox(lines: readonly string[]): boolean {
  const index = lastNonEmptyIndex(lines);
  if (index <= 0) return false;
  const above = lines[index - 1] ?? '';
  if (boxBottom.test(above) && plainPrompt.test(lines[index] ?? '')) return false;
  return boxBorder.test(above);
}

/**
 * The crash verdict every agent detector shares: the pane is dead (its exit status in
 * `detail.exitStatus`), or the agent process is gone — the pane's command is a shell again and a
 * shell prompt is at the bottom of the screen (or, after a kill, a plain `$ ` prompt drawn over
 * the agent's last screen). Words in the conversation never decide this.
 */
export function detectCrash(detector: string, pane: DetectorPane, lines: readonly string[]): Classification | null {
  if (pane.dead) {
    return {
      state: 'crashed',
      detector,
      rule: `${detector}/pane-dead`,
      detail: { exitStatus: pane.deadStatus, currentCommand: pane.currentCommand },
      evidence: [`pane is dead (exit status ${pane.deadStatus === null ? 'unknown' : String(pane.deadStatus)})`],
    };
  }
  if (!isShellCommand(pane.currentCommand)) return null;
  if (isInsidePromptBox(lines)) return null;
  const prompt = findShellPromptAfterAgent(lines);
  if (prompt === null) return null;
  return {
    state: 'crashed',
    detector,
    rule: `${detector}/exited-to-shell`,
    detail: { exitStatus: null, currentCommand: pane.currentCommand },
    evidence: [prompt],
  };
}

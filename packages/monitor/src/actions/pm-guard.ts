import { isShellCommand } from '@tmux-orc/health-checker';
import type { AgentView } from './agent-view.js';

/** Detectors that mean "no agent CLI runs in this pane": text typed there would reach a shell or nothing. */
const notAnAgent: ReadonlySet<string> = new Set(['shell', 'none']);

/**
 * Why a report must not be typed into `pm` now, or undefined when it may. A PM pane whose foreground
 * process is a shell (or that no agent detector recognises) would run the report as a command line,
 * so its foreground command is read afresh right before typing, not trusted from the listing.
 */
export async function unsafePmReason(pm: AgentView): Promise<string | undefined> {
  if (notAnAgent.has(pm.result.detector)) return `the PM pane shows no agent CLI (detector ${pm.result.detector})`;
  let command: string;
  try {
    const lines = await pm.runner.run(['display-message', '-p', '-t', pm.pane.id, '#{pane_current_command}']);
    command = lines.join('').trim();
  } catch (error) {
    return `the PM pane's foreground process could not be read (${error instanceof Error ? error.message : String(error)})`;
  }
  if (command === '' || isShellCommand(command)) return `the PM pane's foreground process is a shell (${command || 'none'})`;
  return undefined;
}

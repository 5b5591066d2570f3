import { lastNonEmptyIndex } from './screen-lines.js';

/** Commands tmux reports when a pane is back at a plain shell. */
export const shellCommands: ReadonlySet<string> = new Set(['sh', 'bash', 'zsh', 'fish', 'dash', 'ksh', 'tcsh', 'csh']);

/** Whether tmux's `pane_current_command` names a shell (a login shell shows as `-bash`). */
export function isShellCommand(command: string): boolean {
  return shellCommands.has(command.trim().replace(/^-/, ''));
}

// A prompt sign early in the line, followed by a space or the end: `$ `, `user@host:~/p$`,
// `root#`, `%`, `❯`, `➜  dir`, `>`. Long lines are output, not prompts.
const promptLine = /^.{0,100}?[$#%>❯➜»](?: |$)/u;

/**
 * The shell prompt on the bottom line of the screen, or null. Only meaningful together with
 * {@link isShellCommand}: when the shell is the pane's foreground process, its prompt is last.
 */
export function findShellPrompt(lines: readonly string[]): string | null {
  const index = lastNonEmptyIndex(lines);
  if (index < 0) return null;
  const line = lines[index] ?? '';
  return line.length <= 200 && promptLine.test(line) ? line.trim() : null;
}

// A plain sh/bash prompt at column 0 (`$ `, `# `, `user@host:~/p$ `). An agent killed without
// restoring the terminal leaves its last screen, and the shell prompt lands where the cursor was,
// not at the bottom; agent UIs never draw such a line at column 0.
const bareShellPrompt = /^(?:[\w.-]+@[\w.-]+(?::[^\s$#]*)?\s?)?[$#](?: |$)/u;

/** How many lines from the bottom a shell prompt left inside a dead agent's screen is looked for. */
const leftoverDepth = 15;

/**
 * The shell prompt of a pane whose foreground process is a shell: on the bottom line (any prompt
 * style), or a plain `$ `/`# ` prompt at column 0 in the bottom lines (drawn over an agent's
 * last screen). Null when there is none.
 */
export function findShellPromptAfterAgent(lines: readonly string[]): string | null {
  const bottom = findShellPrompt(lines);
  if (bottom !== null) return bottom;
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - leftoverDepth); i -= 1) {
    const line = lines[i] ?? '';
    if (bareShellPrompt.test(line)) return line.trim();
  }
  return null;
}

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

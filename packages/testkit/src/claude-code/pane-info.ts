import type { TmuxSandbox } from '@tmux-orc/sim-fleet';

/** What tmux knows of a pane besides its text: the sidecar of a recorded screen. */
export interface PaneInfo {
  readonly title: string;
  readonly currentCommand: string;
  readonly dead: boolean;
  /** Exit status of a dead pane's command, or undefined while it runs. */
  readonly deadStatus: number | undefined;
  readonly width: number;
  readonly height: number;
  /** tmux's `pane_start_command`: the command the pane was created with ('' for a default shell). */
  readonly startCommand: string;
}

const SEPARATOR = '\t';

/** Reads title, current command, dead flag, size and start command of `paneId` in one `display-message`. */
export async function readPaneInfo(sandbox: Pick<TmuxSandbox, 'tmux'>, paneId: string): Promise<PaneInfo> {
  // The start command comes last: it may hold the separator itself.
  const format = ['pane_title', 'pane_current_command', 'pane_dead', 'pane_dead_status', 'pane_width', 'pane_height', 'pane_start_command']
    .map((name) => `#{${name}}`)
    .join(SEPARATOR);
  let out = await sandbox.tmux('display-message', '-p', '-t', paneId, format);
  if (/\t1\t\t/.test(out)) {
    // Dead with no exit status yet: tmux 3.3a can miss the pane's SIGCHLD (while its utempter
    // helper runs) until another child of the server exits; `run-shell true` is one.
    await sandbox.tmux('run-shell', 'true');
    out = await sandbox.tmux('display-message', '-p', '-t', paneId, format);
  }
  const [title = '', currentCommand = '', dead = '', deadStatus = '', width = '0', height = '0', ...startCommand] = out.split(SEPARATOR);
  return {
    title,
    currentCommand,
    dead: dead === '1',
    deadStatus: deadStatus === '' ? undefined : Number(deadStatus),
    width: Number(width),
    height: Number(height),
    startCommand: startCommand.join(SEPARATOR).trimEnd(),
  };
}

/** The visible screen, wrapped lines joined (`capture-pane -p -J`), as the monitor captures it. */
export function captureJoined(sandbox: Pick<TmuxSandbox, 'tmux'>, paneId: string): Promise<string> {
  return sandbox.tmux('capture-pane', '-p', '-J', '-t', paneId);
}

import { TmuxCommandError } from './errors/tmux-command-error.js';
import type { TmuxRunner } from './runner.js';

/** Options of `capturePanes`. */
export interface CapturePanesOptions {
  /** Lines of scrollback above the visible screen to include (0: the visible screen only). */
  readonly history?: number;
  /** Per-command timeout in ms (the runner's default when absent). */
  readonly timeoutMs?: number;
}

/** The `capture-pane` argv for one pane: joined wrapped lines (`-J`), printed (`-p`). */
export function captureArgs(paneId: string, history = 0): string[] {
  const args = ['capture-pane', '-p', '-J', '-t', paneId];
  if (history > 0) args.push('-S', String(-history));
  return args;
}

/** Captures one pane's screen; resolves null when the pane no longer exists. */
export async function capturePane(runner: TmuxRunner, paneId: string, options: CapturePanesOptions = {}): Promise<string | null> {
  try {
    const lines = await runner.run(captureArgs(paneId, options.history), options.timeoutMs === undefined ? undefined : { timeoutMs: options.timeoutMs });
    return lines.join('\n');
  } catch (error) {
    if (error instanceof TmuxCommandError && error.isMissingTarget) return null;
    throw error;
  }
}

/**
 * Captures many panes at once. All commands are sent before any answer is awaited, so over a control
 * connection they are pipelined. A pane that vanished maps to null; other failures reject.
 */
export async function capturePanes(
  runner: TmuxRunner,
  paneIds: readonly string[],
  options: CapturePanesOptions = {},
): Promise<Map<string, string | null>> {
  const screens = await Promise.all(paneIds.map((id) => capturePane(runner, id, options)));
  return new Map(paneIds.map((id, i) => [id, screens[i] ?? null]));
}

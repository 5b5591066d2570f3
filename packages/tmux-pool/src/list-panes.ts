import { randomBytes } from 'node:crypto';
import { TmuxCommandError } from './errors/tmux-command-error.js';
import { TmuxNoSessionsError } from './errors/tmux-no-sessions-error.js';
import type { PaneInfo } from './pane-info.js';
import type { TmuxRunner } from './runner.js';

const FIELDS = [
  'pane_id',
  'session_name',
  'window_index',
  'pane_index',
  'pane_dead',
  'pane_dead_status',
  'pane_pid',
  'window_activity',
  'window_bell_flag',
  'pane_width',
  'pane_height',
  '@tmux-orc-agent',
  'window_name',
  'pane_current_command',
  'pane_title',
] as const;

type Field = (typeof FIELDS)[number];

function integer(text: string | undefined): number | null {
  if (text === undefined || text === '') return null;
  const value = Number(text);
  return Number.isInteger(value) ? value : null;
}

/** True for the answers tmux gives when there is no session to list. */
function isEmptyServer(error: unknown): boolean {
  if (error instanceof TmuxNoSessionsError) return true;
  return error instanceof TmuxCommandError && /no sessions|no current target|no server running/i.test(error.tmuxMessage);
}

/**
 * Lists every pane of the server with one `list-panes -a -F` (two, and a `run-shell true`, when a
 * dead pane's exit status is still unknown). Window names and titles may hold any
 * byte, newlines included, so fields are split on a separator with a random nonce made for this call
 * (text in a pane cannot guess it) and records end with their own nonce marker.
 * Resolves `[]` when the server runs but has no sessions.
 */
export async function listPanes(runner: TmuxRunner): Promise<PaneInfo[]> {
  const panes = await listPanesOnce(runner);
  if (!panes.some((pane) => pane.dead && pane.deadStatus === null)) return panes;
  // Debian's tmux 3.3a calls utempter (fork + wait, SIGCHLD at its default) when a pane's pty
  // closes; the pane's own SIGCHLD can be lost then, leaving it dead with no exit status until
  // some other child of the server exits. `run-shell true` is such a child: once it returns, the
  // server has reaped every zombie and the status is known (seen lost ~1 in 120 exits here, and
  // far more often under load).
  await runner.run(['run-shell', 'true']);
  return listPanesOnce(runner);
}

async function listPanesOnce(runner: TmuxRunner): Promise<PaneInfo[]> {
  const nonce = randomBytes(4).toString('hex');
  const separator = `\u001f${nonce}\u001f`;
  const end = `\u001e${nonce}\u001e`;
  const format = FIELDS.map((field) => `#{${field}}`).join(separator) + end;
  let lines: string[];
  try {
    lines = await runner.run(['list-panes', '-a', '-F', format]);
  } catch (error) {
    if (isEmptyServer(error)) return [];
    throw error;
  }
  const records = lines.join('\n').split(end);
  const panes: PaneInfo[] = [];
  for (const record of records) {
    const values = record.replace(/^\n/, '').split(separator);
    if (values.length !== FIELDS.length) continue;
    const field = (name: Field): string => values[FIELDS.indexOf(name)] ?? '';
    const session = field('session_name');
    const windowIndex = integer(field('window_index')) ?? 0;
    const paneIndex = integer(field('pane_index')) ?? 0;
    panes.push({
      id: field('pane_id'),
      target: `${session}:${windowIndex}.${paneIndex}`,
      session,
      windowIndex,
      windowName: field('window_name'),
      paneIndex,
      dead: field('pane_dead') === '1',
      deadStatus: integer(field('pane_dead_status')),
      pid: integer(field('pane_pid')),
      currentCommand: field('pane_current_command'),
      title: field('pane_title'),
      windowActivity: integer(field('window_activity')) ?? 0,
      bell: field('window_bell_flag') === '1',
      width: integer(field('pane_width')) ?? 0,
      height: integer(field('pane_height')) ?? 0,
      agentOption: field('@tmux-orc-agent') || null,
    });
  }
  return panes;
}

import { randomBytes } from 'node:crypto';
import { TmuxCommandError } from './errors/tmux-command-error.js';
import { TmuxInvalidOptionError } from './errors/invalid-option-error.js';
import { TmuxNoSessionsError } from './errors/tmux-no-sessions-error.js';
import type { PaneInfo } from './pane-info.js';
import type { TmuxRunner } from './runner.js';

/** Options of `listPanes`. */
export interface ListPanesOptions {
  /** User options (`@name`) to read for every pane, into `PaneInfo.userOptions`. */
  readonly userOptions?: readonly string[];
}

/** A listed pane whose `currentCommand` is null when the listing did not ask for it. */
export type ListedPane = Omit<PaneInfo, 'currentCommand'> & { readonly currentCommand: string | null };

/** Options of one `list-panes -a` (see `PaneLister`). */
export interface ListPaneRecordsOptions extends ListPanesOptions {
  /**
   * Ask `pane_current_command` only of panes whose `window_activity` is at or after this time
   * (seconds since the epoch); the others get `currentCommand: null`. tmux reads /proc for every
   * pane it asks, which is more than a third of the listing's cost at 1000 panes.
   */
  readonly currentCommandSince?: number;
  /**
   * List only the panes of the window holding this target (a pane id such as `%3`, or `@2`)
   * instead of every pane (`-a`): `EventPaneLister` re-reads the panes that printed this way.
   */
  readonly target?: string;
}

// The fields every listing asks, in order; `pane_current_command` comes last, maybe conditional.
const FIELDS = ['pane_id', 'session_name', 'window_index', 'pane_index', 'pane_dead', 'pane_dead_status', 'pane_pid', 'window_activity', '@tmux-orc-agent', 'window_name', 'pane_title'] as const;

const USER_OPTION = /^@[A-Za-z0-9_-]+$/;

function integer(text: string | undefined): number | null {
  if (text === undefined || text === '') return null;
  const value = Number(text);
  return Number.isInteger(value) ? value : null;
}

/** True for the answers tmux gives when there is no session to list. */
function isEmptyServer(error: unknown): boolean {
  if (error instanceof TmuxNoSessionsError) return true;
  return error instanceof TmuxCommandError && /no sessions|no current target/i.test(error.tmuxMessage);
}

/**
 * Lists every pane of the server with one `list-panes -a -F` (two, and a `run-shell true`, when a
 * dead pane's exit status is still unknown). Window names and options may hold any
 * byte, newlines included, so fields are split on a separator with a random nonce made for this call
 * (text in a pane cannot guess it) and records end with their own nonce marker.
 * Resolves `[]` when the server runs but has no sessions. To list every cycle, `PaneLister`
 * costs tmux less.
 */
export async function listPanes(runner: TmuxRunner, options: ListPanesOptions = {}): Promise<PaneInfo[]> {
  const panes = await listPaneRecords(runner, options);
  return panes.map((pane) => ({ ...pane, currentCommand: pane.currentCommand ?? '' }));
}

/** One listing, as `listPanes` makes it, maybe asking the current command of some panes only. */
export async function listPaneRecords(runner: TmuxRunner, options: ListPaneRecordsOptions = {}): Promise<ListedPane[]> {
  const panes = await listOnce(runner, options);
  if (!panes.some((pane) => pane.dead && pane.deadStatus === null)) return panes;
  // Debian's tmux 3.3a calls utempter (fork + wait, SIGCHLD at its default) when a pane's pty
  // closes; the pane's own SIGCHLD can be lost then, leaving it dead with no exit status until
  // some other child of the server exits. `run-shell true` is such a child: once it returns, the
  // server has reaped every zombie and the status is known (seen lost ~1 in 120 exits here, and
  // far more often under load).
  await runner.run(['run-shell', 'true']);
  return listOnce(runner, options);
}

async function listOnce(runner: TmuxRunner, options: ListPaneRecordsOptions): Promise<ListedPane[]> {
  const userOptions = options.userOptions ?? [];
  for (const name of userOptions) {
    if (!USER_OPTION.test(name)) throw new TmuxInvalidOptionError('userOptions', 'names such as `@tmux-orc-role`', name);
  }
  const nonce = randomBytes(4).toString('hex');
  const separator = `\u001f${nonce}\u001f`;
  const end = `\u001e${nonce}\u001e`;
  const notAsked = `\u001d${nonce}`;
  const since = options.currentCommandSince;
  const command = since === undefined ? '#{pane_current_command}' : `#{?#{e|>=:#{window_activity},${Math.floor(since)}},#{pane_current_command},${notAsked}}`;
  const format = [...FIELDS, ...userOptions].map((field) => `#{${field}}`).concat(command).join(separator) + end;
  let lines: string[];
  try {
    const scope = options.target === undefined ? ['-a'] : ['-t', options.target];
    lines = await runner.run(['list-panes', ...scope, '-F', format]);
  } catch (error) {
    if (isEmptyServer(error)) return [];
    throw error;
  }
  const count = FIELDS.length + userOptions.length + 1;
  const panes: ListedPane[] = [];
  for (const record of lines.join('\n').split(end)) {
    const values = record.replace(/^\n/, '').split(separator);
    if (values.length !== count) continue;
    const [id = '', session = '', windowIndex, paneIndex, dead, deadStatus, pid, activity, agentOption = '', windowName = '', title = ''] = values;
    const window = integer(windowIndex) ?? 0;
    const pane = integer(paneIndex) ?? 0;
    const current = values[count - 1] ?? '';
    panes.push({
      id,
      target: `${session}:${window}.${pane}`,
      session,
      windowIndex: window,
      windowName,
      paneIndex: pane,
      dead: dead === '1',
      deadStatus: integer(deadStatus),
      pid: integer(pid),
      currentCommand: current === notAsked ? null : current,
      title,
      windowActivity: integer(activity) ?? 0,
      agentOption: agentOption || null,
      ...(userOptions.length === 0
        ? {}
        : { userOptions: Object.fromEntries(userOptions.map((name, i) => [name, values[FIELDS.length + i] || null])) }),
    });
  }
  return panes;
}

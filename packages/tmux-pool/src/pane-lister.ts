import { systemWallClock, type WallClock } from '@tmux-orc/clock';
import { TmuxCommandError } from './errors/tmux-command-error.js';
import { TmuxInvalidOptionError } from './errors/invalid-option-error.js';
import { type ListPanesOptions, type ListedPane, listPaneRecords } from './list-panes.js';
import type { PaneInfo } from './pane-info.js';
import type { TmuxRunner } from './runner.js';

/** Options of `PaneLister`. */
export interface PaneListerOptions extends ListPanesOptions {
  /** Every pane's current command is read anew at least this often (ms). Default 10 000. */
  readonly commandRefreshMs?: number;
  /** Milliseconds since the epoch, the same clock tmux stamps `window_activity` with (`systemWallClock`). */
  readonly clock?: WallClock;
}

/** Default of {@link PaneListerOptions.commandRefreshMs}. */
export const defaultCommandRefreshMs = 10_000;

interface KnownCommand {
  readonly pid: number | null;
  readonly command: string;
}

/**
 * Lists panes again and again, as a monitor does every cycle, for less than `listPanes` costs:
 * tmux reads a pane's foreground process from /proc (`pane_current_command`, over a third of a
 * 1000-pane listing), so the lister asks it only of panes whose window printed since the last
 * listing (a process that starts or ends in a pane nearly always prints: the shell's prompt, the
 * agent's banner), of panes it has not seen with that pid, and of every pane each
 * `commandRefreshMs`. The others keep the command read before.
 *
 * @example
 * const lister = new PaneLister(pool);
 * const panes = await lister.list(); // every cycle
 */
export class PaneLister {
  readonly #runner: TmuxRunner;
  readonly #options: ListPanesOptions;
  readonly #refreshMs: number;
  readonly #clock: WallClock;
  #known = new Map<string, KnownCommand>();
  #lastStartedAt: number | undefined;
  #lastFullAt: number | undefined;

  constructor(runner: TmuxRunner, options: PaneListerOptions = {}) {
    const refreshMs = options.commandRefreshMs ?? defaultCommandRefreshMs;
    if (!Number.isFinite(refreshMs) || refreshMs < 0) throw new TmuxInvalidOptionError('commandRefreshMs', 'a finite number >= 0', refreshMs);
    this.#runner = runner;
    this.#options = options.userOptions === undefined ? {} : { userOptions: options.userOptions };
    this.#refreshMs = refreshMs;
    this.#clock = options.clock ?? systemWallClock;
  }

  /** Every pane of the server, as `listPanes` gives them. */
  async list(): Promise<PaneInfo[]> {
    const startedAt = this.#clock.now();
    const full = this.#lastStartedAt === undefined || this.#lastFullAt === undefined || startedAt - this.#lastFullAt >= this.#refreshMs;
    // window_activity has whole seconds: a second of margin below the last listing's start.
    const since = full || this.#lastStartedAt === undefined ? undefined : Math.floor(this.#lastStartedAt / 1000) - 1;
    const records = await listPaneRecords(this.#runner, { ...this.#options, ...(since === undefined ? {} : { currentCommandSince: since }) });
    const unknown = records.filter((pane) => pane.currentCommand === null && this.#knownCommand(pane) === undefined);
    const asked = await this.#askCommands(unknown);
    const known = new Map<string, KnownCommand>();
    const panes: PaneInfo[] = [];
    for (const pane of records) {
      const command = pane.currentCommand ?? this.#knownCommand(pane) ?? asked.get(pane.id);
      // A pane that vanished between the listing and the question: gone next listing.
      if (command === undefined) continue;
      known.set(pane.id, { pid: pane.pid, command });
      panes.push({ ...pane, currentCommand: command });
    }
    this.#known = known;
    this.#lastStartedAt = startedAt;
    if (full) this.#lastFullAt = startedAt;
    return panes;
  }

  #knownCommand(pane: ListedPane): string | undefined {
    const known = this.#known.get(pane.id);
    return known !== undefined && known.pid === pane.pid ? known.command : undefined;
  }

  /** Asks the current command of a few panes, pipelined; a pane that vanished is left out. */
  async #askCommands(panes: readonly ListedPane[]): Promise<Map<string, string>> {
    const answers = await Promise.all(
      panes.map(async (pane) => {
        try {
          const lines = await this.#runner.run(['display-message', '-p', '-t', pane.id, '#{pane_current_command}']);
          return [pane.id, lines.join('\n')] as const;
        } catch (error) {
          if (error instanceof TmuxCommandError && error.isMissingTarget) return undefined;
          throw error;
        }
      }),
    );
    return new Map(answers.filter((answer) => answer !== undefined));
  }
}

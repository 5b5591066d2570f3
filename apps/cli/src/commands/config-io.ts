import type { ConfigProblem } from '@tmux-orc/config';
import { formatConfigProblem } from '@tmux-orc/config';
import type { CommandIo } from '../shared/command-io.js';

/** Exit codes of the `config` commands. */
export const configExitCodes = { ok: 0, failed: 1, invalid: 2 } as const;

/** Writes one problem per line to stderr. */
export function printProblems(io: CommandIo, problems: readonly ConfigProblem[]): void {
  for (const problem of problems) io.stderr(`${formatConfigProblem(problem)}\n`);
}

/** The global `-L`, `-S` and `--config` options as `loadConfig` takes them. */
export interface GlobalConfigOptions {
  readonly socketName?: string;
  readonly socketPath?: string;
  /** `--host user@box`: the `-L`/`-S` (or default) server is on that host, over SSH. */
  readonly host?: string;
  readonly config?: string;
}

import type { ConfigEnv, ConfigProblem } from '@tmux-orc/config';
import { formatConfigProblem } from '@tmux-orc/config';

/** What the `config` commands read and write, injected so they can run in-process in tests. */
export interface ConfigCommandIo {
  readonly env: ConfigEnv;
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** The real process streams and environment. */
export function processIo(): ConfigCommandIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

/** Exit codes of the `config` commands. */
export const configExitCodes = { ok: 0, failed: 1, invalid: 2 } as const;

/** Writes one problem per line to stderr. */
export function printProblems(io: ConfigCommandIo, problems: readonly ConfigProblem[]): void {
  for (const problem of problems) io.stderr(`${formatConfigProblem(problem)}\n`);
}

/** The global `-L`, `-S` and `--config` options as `loadConfig` takes them. */
export interface GlobalConfigOptions {
  readonly socketName?: string;
  readonly socketPath?: string;
  readonly config?: string;
}

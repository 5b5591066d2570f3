import { shellQuote } from '@tmux-orc/sim-fleet';
import type { TmuxSandbox } from '@tmux-orc/sim-fleet';

/** The variable the pane's API key is in (the provider's `env_key`). */
export const API_KEY_VARIABLE = 'TMUX_ORC_FAKE_OPENAI_KEY';
/** Variables that would point Codex at a real account or another home. */
export const INHERITED_VARIABLES_TO_DROP = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'CODEX_API_KEY', 'CODEX_HOME', 'CODEX_SANDBOX', 'CODEX_MANAGED_BY_NPM', 'CODEX_MANAGED_BY_PNPM'];

/**
 * Codex is started by the name `codex` with `--no-daemon` (no shared background server outlives
 * the pane). `set -m` makes it the shell's foreground job, so `pane_current_command` says `codex`.
 * tmux 3.3 ignores `-e PATH=…`, hence the assignment in the command. The bundled `bwrap` goes on
 * PATH too, or Codex warns at every start that bubblewrap is missing.
 */
export function paneCommand(pathDirs: readonly string[], onExit: 'shell' | 'exit'): string {
  // As the pane's own command: `exec`, or dash (/bin/sh) keeps itself as the parent and the pane's
  // foreground command reads `sh`; tmux names a dead pane by the start command's first word after
  // `exec` (`codex`, not `PATH=…`, so here bwrap is not on PATH).
  if (onExit === 'exit') return `exec ${shellQuote(`${pathDirs[0] ?? ''}/codex`)} --no-daemon`;
  return `PATH=${pathDirs.map(shellQuote).join(':')}:"$PATH"; export PATH; set -m; codex --no-daemon; exec /bin/sh`;
}

/** Whether `session` exists on the sandbox's server. */
export async function sessionExists(sandbox: Pick<TmuxSandbox, 'tmux'>, session: string): Promise<boolean> {
  return sandbox.tmux('has-session', '-t', `=${session}`).then(
    () => true,
    () => false,
  );
}


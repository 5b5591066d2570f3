import { execa } from 'execa';
import { SimFleetError } from './sim-fleet-error.js';

/** The environment tmux clients run with: no `TMUX`, so a test run inside tmux never talks to the user's server. */
export function tmuxClientEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['TMUX'];
  delete env['TMUX_PANE'];
  return env;
}

/**
 * Runs `tmux -L <socketName> …args` once and resolves its stdout (final newline stripped).
 * Rejects with a `TMUX_COMMAND_FAILED` {@link SimFleetError} naming the command and tmux's stderr.
 */
export async function runTmux(socketName: string, args: readonly string[]): Promise<string> {
  const result = await execa('tmux', ['-L', socketName, ...args], {
    env: tmuxClientEnv(),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
  });
  if (result.failed) {
    const shown = args.length > 12 ? `${args.slice(0, 12).join(' ')} … (${args.length} args)` : args.join(' ');
    throw new SimFleetError(
      'TMUX_COMMAND_FAILED',
      `Expected \`tmux -L ${socketName} ${shown}\` to succeed, got exit code ${String(result.exitCode)}: ${result.stderr.trim() || result.shortMessage}`,
      // Not the execa error itself: it repeats every argument, thousands for a bulk spawn.
      { cause: new Error(result.stderr.trim() || result.shortMessage) },
    );
  }
  return result.stdout;
}

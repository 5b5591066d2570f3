import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** Name of the home directory under the user's home when `TMUX_ORC_HOME` is not set. */
export const defaultHomeDirName = '.tmux-orchestrator';

/** The configuration file's name inside the home directory. */
export const configFileName = 'config.yaml';

/** Environment as `loadConfig` reads it: only strings (or unset) matter. */
export type ConfigEnv = Readonly<Record<string, string | undefined>>;

/**
 * The tmux-orc home: `$TMUX_ORC_HOME` when set and non-empty, else `~/.tmux-orchestrator`.
 * A leading `~/` is expanded; a relative path is resolved against `cwd`.
 */
export function resolveHome(env: ConfigEnv, cwd: string = process.cwd()): string {
  const userHome = env['HOME'] !== undefined && env['HOME'] !== '' ? env['HOME'] : homedir();
  const fromEnv = env['TMUX_ORC_HOME'];
  if (fromEnv === undefined || fromEnv === '') return join(userHome, defaultHomeDirName);
  return expandPath(fromEnv, userHome, cwd);
}

/** Expands `~` and `~/…` against `userHome` and resolves relative paths against `base`. */
export function expandPath(path: string, userHome: string, base: string): string {
  if (path === '~') return userHome;
  if (path.startsWith('~/')) return join(userHome, path.slice(2));
  return isAbsolute(path) ? path : resolve(base, path);
}

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * How the user runs this CLI where they are: `tmux-orc` when it is installed (it runs from a
 * `node_modules` folder, so the bin is on PATH), `pnpm --silent tmux-orc` from a clone of the
 * repository (the root script; there is no `tmux-orc` on PATH there).
 */
export function userCommand(modulePath: string = fileURLToPath(import.meta.url)): string {
  let path = modulePath;
  try {
    path = realpathSync(modulePath);
  } catch {
    // A path that does not exist (tests) is judged as given.
  }
  return path.split(/[\\/]/).includes('node_modules') ? 'tmux-orc' : 'pnpm --silent tmux-orc';
}

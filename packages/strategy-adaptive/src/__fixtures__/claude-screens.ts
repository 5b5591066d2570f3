import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The recorded Claude Code screens of `@tmux-orc/health-checker` (real screens, one per state). */
export const claudeScreensDir = fileURLToPath(new URL('../../../health-checker/src/__fixtures__/claude-code-2.1.330/', import.meta.url));

/** The text of one recorded screen, e.g. `idle-replied-120x40`. */
export function claudeScreen(name: string): string {
  return readFileSync(`${claudeScreensDir}${name}.txt`, 'utf8');
}

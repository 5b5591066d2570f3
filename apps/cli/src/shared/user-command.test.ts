import { describe, expect, it } from 'vitest';
import { userCommand } from './user-command.js';

describe('userCommand', () => {
  it('names the installed bin when the CLI runs from node_modules', () => {
    expect(userCommand('/usr/lib/node_modules/tmux-orc/dist/shared/user-command.js')).toBe('tmux-orc');
  });

  it('names the root script from a clone of the repository', () => {
    expect(userCommand('/home/me/tmux-orc/apps/cli/dist/shared/user-command.js')).toBe('pnpm --silent tmux-orc');
  });

  it('judges this checkout, where the CLI is not installed, as a clone', () => {
    expect(userCommand()).toBe('pnpm --silent tmux-orc');
  });
});

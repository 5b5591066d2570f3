import { HELLO_REPLY, replied } from './screen-case-steps.js';
import type { ScreenCase } from './screen-cases.js';

/**
 * Claude Code gone and its shell cleared: nothing on the screen tells an agent ran there, only
 * what the pane knows (its `@tmux-orc-agent` option, its start command).
 */
export const exitCases: readonly ScreenCase[] = [
  {
    state: 'crashed',
    name: 'exited-cleared-shell',
    description:
      'the pane marked `@tmux-orc-agent claude-code`; prompt `hello`, then `/exit`, then `clear` in the shell: only the `$ ` prompt is left, `pane_title` empty, `pane_current_command` = `sh`.',
    drive: async ({ pane, sandbox }) => {
      await sandbox.tmux('set-option', '-p', '-t', pane.paneId, '@tmux-orc-agent', 'claude-code');
      await replied(pane, 'hello', HELLO_REPLY);
      await pane.submit('/exit');
      await pane.waitForScreen(/^\$ /m, { timeoutMs: 15_000 });
      await pane.type('clear');
      await pane.press('Enter');
      return pane.waitForScreen((screen) => screen.trim() === '$', { timeoutMs: 10_000 });
    },
  },
];

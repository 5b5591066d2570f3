import { describe, expect, it } from 'vitest';
import { findShellPrompt, findShellPromptAfterAgent, isShellCommand } from './shell-prompt.js';

describe('shell prompts', () => {
  it('knows the shells tmux reports, including login shells', () => {
    expect(['sh', 'bash', 'zsh', 'fish', 'dash', '-bash'].every(isShellCommand)).toBe(true);
    expect(['claude', 'node', 'python3', 'vim'].some(isShellCommand)).toBe(false);
  });

  it.each(['$ ', '# ', 'user@host:~/project$ ', 'root@box:/srv# ls', '~/p ❯ ', '➜  project git:(main) ', '% '])(
    'finds %j on the bottom line',
    (prompt) => {
      expect(findShellPrompt(['some output', prompt, ''])).toBe(prompt.trim());
    },
  );

  it('does not take output lines for a prompt', () => {
    expect(findShellPrompt(['3 tests failed', 'Terminated'])).toBeNull();
    expect(findShellPrompt(['x'.repeat(300) + '$ '])).toBeNull();
  });

  it('finds a plain prompt drawn over an agent screen, not an indented command in a transcript', () => {
    const killed = ['● Hello from the fake API. Done.', '────────', '❯ Killed', '$ ────────', '  ⏸ manual mode on · ? for shortcuts'];
    expect(findShellPromptAfterAgent(killed)).toBe('$ ────────');
    expect(findShellPromptAfterAgent(['  ⎿  $ rm -rf ./build-output', '────', '❯ ', '────', '  ? for shortcuts'])).toBeNull();
  });
});

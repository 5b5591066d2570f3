import { describe, expect, it } from 'vitest';
import { classifyScreen } from './classify-screen.js';
import { fixtureScreen, fixtureScreens } from './__fixtures__/fixture-screens.js';

const screens = fixtureScreens();

describe('the pane title breaks the tie of an ambiguous screen, never more', () => {
  it.each(['codex-0.171.0/active-streaming-120x40.txt', 'codex-0.171.0/active-streaming-80x24.txt'])(
    '%s: Codex streams with no status line; its title spinner makes it active',
    (file) => {
      const { pane, screen } = fixtureScreen(file);
      expect(pane.title).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] /u);
      expect(classifyScreen(pane, screen)).toMatchObject({ state: 'active', rule: 'codex/title-working' });
      // The same screen under a title without the spinner is left to the tracker.
      expect(classifyScreen({ ...pane, title: 'SLOW:30 go | dir' }, screen)).toMatchObject({ state: 'no_activity', rule: 'codex/quiet-composer' });
    },
  );

  it('keeps a sign on the screen over the title (an error drawn while the title still spins)', () => {
    const { pane, screen } = fixtureScreen('codex-0.171.0/error-http500-retrying-120x40.txt');
    expect(pane.title).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] /u);
    expect(classifyScreen(pane, screen).state).toBe('error');
  });

  it('never makes a recorded quiet screen active with the title it was recorded under', () => {
    const idle = screens.filter((s) => s.named === 'idle');
    expect(idle.length).toBeGreaterThan(40);
    expect(idle.filter((s) => classifyScreen(s.pane, s.screen).state !== 'no_activity').map((s) => s.file)).toEqual([]);
  });

  it('leaves a finished Claude Code turn idle under an animated title', () => {
    const { pane, screen } = fixtureScreen('claude-code-2.1.330/idle-replied-120x40.txt');
    expect(classifyScreen(pane, screen)).toMatchObject({ state: 'no_activity', rule: 'claude-code/turn-completed' });
    // A finished turn (`✻ Worked for 2s`) is a sign on the screen: an animated title cannot undo it.
    expect(classifyScreen({ ...pane, title: '◐ Claude Code' }, screen)).toMatchObject({ state: 'no_activity', rule: 'claude-code/turn-completed' });
  });

  it('makes a quiet Claude Code prompt active under an animated title', () => {
    const screen = ['● Done.', '', '─'.repeat(40), '❯ ', '─'.repeat(40), '  ? for shortcuts'].join('\n');
    const pane = { dead: false, deadStatus: null, currentCommand: 'claude', title: '✳ Claude Code', agentOption: null };
    expect(classifyScreen(pane, screen)).toMatchObject({ state: 'no_activity', rule: 'claude-code/quiet-prompt' });
    expect(classifyScreen({ ...pane, title: '◑ Claude Code' }, screen)).toMatchObject({ state: 'active', rule: 'claude-code/title-working', evidence: ['pane title: ◑ Claude Code', '❯'] });
  });
});

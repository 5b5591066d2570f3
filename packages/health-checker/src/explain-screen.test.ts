import { describe, expect, it } from 'vitest';
import { explainScreen } from './explain-screen.js';
import { fixtureScreen, fixtureScreens } from './__fixtures__/fixture-screens.js';

const screens = fixtureScreens();

describe('explainScreen on recorded screens', () => {
  it('says a Claude Code approval was read by the claude-code detector, chosen by its command, and which rules came first', () => {
    const { pane, screen } = fixtureScreen('claude-code-2.1.330/waiting_input-bash-approval-120x40.txt');
    const explained = explainScreen(pane, screen);
    expect(explained.detector).toMatchObject({ id: 'claude-code', basis: 'command' });
    expect(explained.detector.candidates[0]).toEqual({ id: 'claude-code', confidence: 0.9, basis: 'command' });
    expect(explained.rule?.id).toBe('claude-code/choice-dialog');
    expect(explained.classification.evidence).toContain('Do you want to proceed?');
    expect(explained.triedBefore.map((rule) => rule.id)).toEqual(['claude-code/pane-dead', 'claude-code/exited-to-shell', 'claude-code/empty-screen']);
    expect(explained.title).toEqual({ value: '✳ Claude Code', reading: null });
  });

  it('names the agent option when it chose, and bids nothing', () => {
    const { pane, screen } = fixtureScreen('claude-code-2.1.330/idle-replied-80x24.txt');
    const explained = explainScreen({ ...pane, agentOption: 'claude' }, screen);
    expect(explained.detector).toEqual({ id: 'claude-code', basis: 'agent-option', candidates: [] });
    expect(explained.rule?.states).toContain('no_activity');
  });

  it('names the start command when a cleared shell is all that is left', () => {
    const { pane, screen } = fixtureScreen('claude-code-2.1.330/crashed-exited-cleared-shell-80x24.txt');
    const explained = explainScreen(pane, screen);
    expect(explained.detector).toMatchObject({ id: 'claude-code', basis: 'start-command' });
    expect(explained.classification.state).toBe('crashed');
    // The shell detector bid too, on the shell command, and lost.
    expect(explained.detector.candidates).toContainEqual({ id: 'shell', confidence: 0.3, basis: 'command' });
  });

  it('picks Gemini CLI (running as node) by its title, else by its screen', () => {
    const { pane, screen } = fixtureScreen('gemini-0.61.0/idle-replied-120x40.txt');
    expect(pane.currentCommand).toBe('node');
    expect(explainScreen(pane, screen).detector).toMatchObject({ id: 'gemini', basis: 'title' });
    expect(explainScreen({ ...pane, title: '' }, screen).detector).toMatchObject({ id: 'gemini', basis: 'screen-signature' });
    expect(explainScreen(pane, screen).title.reading).toBe('ready');
  });

  it('shows the screen alone and the title that broke its tie', () => {
    const { pane, screen } = fixtureScreen('codex-0.171.0/active-streaming-120x40.txt');
    const explained = explainScreen(pane, screen);
    expect(explained.rule?.id).toBe('codex/title-working');
    expect(explained.screenAlone).toMatchObject({ state: 'no_activity', rule: 'codex/quiet-composer' });
    expect(explained.title.reading).toBe('working');
    const tried = explained.triedBefore.map((rule) => rule.id);
    expect(tried).toContain('codex/status-interrupt');
    expect(tried).not.toContain('codex/quiet-composer');
  });

  it('gives every fixture a rule and lists only rules before it as tried', () => {
    for (const { pane, screen, file } of screens) {
      const explained = explainScreen(pane, screen);
      expect(explained.rule, file).not.toBeNull();
      expect(explained.triedBefore.map((rule) => rule.id), file).not.toContain(explained.rule?.id);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { classifyScreen } from './classify-screen.js';
import type { DetectorPane } from './detector-pane.js';
import { selectDetector } from './select-detector.js';

const pane = (overrides: Partial<DetectorPane>): DetectorPane => ({
  dead: false,
  deadStatus: null,
  currentCommand: 'node',
  title: '',
  agentOption: null,
  ...overrides,
});

describe('selectDetector', () => {
  it('lets the @tmux-orc-agent option win over the command and the screen', () => {
    expect(selectDetector(pane({ agentOption: 'aider', currentCommand: 'codex' }), 'OpenAI Codex').id).toBe('aider');
    expect(selectDetector(pane({ agentOption: 'claude' }), '').id).toBe('claude-code');
  });

  it('uses the current command, then the title, then a screen signature', () => {
    expect(selectDetector(pane({ currentCommand: 'codex', title: 'Gemini CLI' }), '').id).toBe('codex');
    expect(selectDetector(pane({ title: '✳ Claude Code' }), 'Aider v0.86.1').id).toBe('claude-code');
    expect(selectDetector(pane({}), '╭──╮\n│ >_ OpenAI Codex (v0.36.0) │').id).toBe('codex');
  });

  it('prefers an agent screen signature over a bare shell command (the agent exited to its shell)', () => {
    const screen = 'Resume this session with:\nclaude --resume 8c58fcef\n$ ';
    expect(selectDetector(pane({ currentCommand: 'sh' }), screen).id).toBe('claude-code');
    expect(classifyScreen(pane({ currentCommand: 'sh' }), screen).state).toBe('crashed');
  });

  it('falls back to the shell detector, which is unknown about commands it does not know', () => {
    expect(selectDetector(pane({ currentCommand: 'bash' }), 'user@host:~$ ').id).toBe('shell');
    expect(classifyScreen(pane({ currentCommand: 'bash' }), 'user@host:~$ ').state).toBe('no_activity');
    const vim = classifyScreen(pane({ currentCommand: 'vim' }), '~\n~\n"notes.txt" 3L, 42B');
    expect(vim).toMatchObject({ state: 'unknown', detector: 'shell', detail: { currentCommand: 'vim' } });
  });

  it('reports any dead pane crashed with its exit status, whatever the detector', () => {
    for (const agentOption of ['claude-code', 'codex', 'gemini', 'aider', 'shell']) {
      const result = classifyScreen(pane({ agentOption, dead: true, deadStatus: 1 }), 'anything');
      expect(result).toMatchObject({ state: 'crashed', detail: { exitStatus: 1 } });
    }
  });

  it('does not call an agent crashed for conversation words while its process runs', () => {
    const screen = 'Killed\nTerminated\nSegmentation fault (core dumped)\n3 tests failed';
    for (const agentOption of ['claude-code', 'codex', 'gemini', 'aider']) {
      expect(classifyScreen(pane({ agentOption, currentCommand: agentOption }), screen).state).not.toBe('crashed');
    }
  });
});

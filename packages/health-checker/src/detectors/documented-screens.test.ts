import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ObservedState } from '../agent-state.js';
import { classifyScreen } from '../classify-screen.js';
import type { DetectorPane } from '../detector-pane.js';

/**
 * Screens of Codex, Gemini CLI and Aider assembled from their source and documented UI strings
 * (see each `__fixtures__/<cli>-documented/README.md`). File names are `<state>-<case>.txt`.
 */
const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__');

const clis = [
  { detector: 'codex', dir: 'codex-documented', currentCommand: 'codex', title: '' },
  { detector: 'gemini', dir: 'gemini-documented', currentCommand: 'node', title: 'Gemini CLI' },
  { detector: 'aider', dir: 'aider-documented', currentCommand: 'aider', title: '' },
] as const;

function expectedState(file: string): ObservedState {
  const state = file.slice(0, file.indexOf('-'));
  return state === 'idle' ? 'no_activity' : (state as ObservedState);
}

describe.each(clis)('$detector detector on documented screens', ({ detector, dir, currentCommand, title }) => {
  const files = readdirSync(join(fixturesRoot, dir)).filter((name) => name.endsWith('.txt'));
  const pane: DetectorPane = { dead: false, deadStatus: null, currentCommand, title, agentOption: null };

  it('has a screen for each state the CLI can show', () => {
    expect(files.map(expectedState)).toEqual(expect.arrayContaining(['active', 'waiting_input', 'no_activity', 'queued_message']));
  });

  it.each(files)('%s', (file) => {
    const screen = readFileSync(join(fixturesRoot, dir, file), 'utf8');
    const result = classifyScreen(pane, screen);
    expect({ detector: result.detector, state: result.state }).toEqual({ detector, state: expectedState(file) });
    expect(result.evidence.length).toBeGreaterThan(0);
  });

  it.each(files.filter((file) => file.includes('alarming')))('%s gives neither crashed nor error', (file) => {
    const screen = readFileSync(join(fixturesRoot, dir, file), 'utf8');
    for (const currentCommand of [pane.currentCommand, 'bash']) {
      const state = classifyScreen({ ...pane, currentCommand, agentOption: detector }, screen).state;
      expect(['crashed', 'error']).not.toContain(state);
    }
  });
});

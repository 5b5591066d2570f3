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

  it.each(files.filter((file) => file.includes('alarming')))('%s gives neither crashed, error nor rate_limited', (file) => {
    const screen = readFileSync(join(fixturesRoot, dir, file), 'utf8');
    for (const currentCommand of [pane.currentCommand, 'bash']) {
      const state = classifyScreen({ ...pane, currentCommand, agentOption: detector }, screen).state;
      expect(['crashed', 'error', 'rate_limited']).not.toContain(state);
    }
  });
});

describe('details read off documented screens', () => {
  const read = (dir: string, file: string): string => readFileSync(join(fixturesRoot, dir, file), 'utf8');
  const pane = (agentOption: string): DetectorPane => ({ dead: false, deadStatus: null, currentCommand: 'node', title: '', agentOption });

  it('codex: the approval question and choices, the usage-limit reset, the reconnect attempt', () => {
    expect(classifyScreen(pane('codex'), read('codex-documented', 'waiting_input-exec-approval.txt')).detail).toMatchObject({
      question: 'Would you like to run the following command?',
      options: ['1. Yes, proceed (y)', expect.stringMatching(/^2\. Yes, and don't ask again/u), '3. No, and tell Codex what to do differently (esc)'],
    });
    expect(classifyScreen(pane('codex'), read('codex-documented', 'rate_limited-usage-limit.txt')).detail.resetAt).toBe('3:28 PM');
    expect(classifyScreen(pane('codex'), read('codex-documented', 'error-reconnecting.txt')).detail).toMatchObject({ attempt: 2, maxAttempts: 5 });
  });

  it('gemini: the confirmation question and its options', () => {
    expect(classifyScreen(pane('gemini'), read('gemini-documented', 'waiting_input-exec-confirmation.txt')).detail).toMatchObject({
      question: "Allow execution of: 'npm'?",
      options: ['1. Yes, allow once', '2. Yes, allow always ...', '3. No, suggest changes (esc)'],
    });
  });

  it('aider: the confirm question and the retry wait', () => {
    expect(classifyScreen(pane('aider'), read('aider-documented', 'waiting_input-run-shell-command.txt')).detail.question).toBe('Run shell command?');
    expect(classifyScreen(pane('aider'), read('aider-documented', 'rate_limited-retrying.txt')).detail.retryIn).toBe('1.0 seconds');
  });
});

describe('codex negatives', () => {
  it('does not take a question and a numbered list in an answer for an approval', () => {
    const screen = [
      '• Would you like to run the following command?',
      '  1. npm test',
      '  2. npm run lint',
      '',
      '› Summarize recent commits',
      '',
      '  ? for shortcuts',
    ].join('\n');
    const pane: DetectorPane = { dead: false, deadStatus: null, currentCommand: 'codex', title: '', agentOption: null };
    expect(classifyScreen(pane, screen).state).toBe('no_activity');
  });
});

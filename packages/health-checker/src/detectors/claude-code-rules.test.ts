import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyScreen } from '../classify-screen.js';
import type { DetectorPane } from '../detector-pane.js';

/**
 * The rules behind issue 20 (classes 1, 2, 4, 5) and issue 15's Claude Code classes, on real
 * screens (`claude-code-2.1.330/`) and on layouts derived from them (`claude-code-layouts/`).
 */
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__');
const real = (name: string): string => readFileSync(join(fixtures, 'claude-code-2.1.330', `${name}.txt`), 'utf8');
const layout = (name: string): string => readFileSync(join(fixtures, 'claude-code-layouts', `${name}.txt`), 'utf8');
const claude: DetectorPane = { dead: false, deadStatus: null, currentCommand: 'claude', title: '✳ Claude Code', agentOption: null };
const sizes = ['120x40', '80x24'] as const;

describe('claude-code: the newest status line wins', () => {
  it.each(sizes)('a completion line under an older spinner ends the turn (%s)', (size) => {
    const result = classifyScreen(claude, layout(`idle-stale-spinner-above-answer-${size}`));
    expect(result).toMatchObject({ state: 'no_activity', evidence: ['✻ Cooked for 3m 1s'] });
    // The same screen without the completion line: the spinner is the newest status, so active.
    const working = layout(`idle-stale-spinner-above-answer-${size}`).replace('✻ Cooked for 3m 1s', '');
    expect(classifyScreen(claude, working).state).toBe('active');
  });

  it('reads accented completion verbs', () => {
    expect(classifyScreen(claude, layout('idle-accented-completion-80x24')).evidence).toEqual(['✻ Sautéed for 6m 2s']);
  });
});

describe('claude-code: background work after the turn', () => {
  it.each(sizes)('background shells leave the agent idle, named in detail.background (%s)', (size) => {
    expect(classifyScreen(claude, real(`idle-background-shell-${size}`))).toMatchObject({
      state: 'no_activity',
      detail: { background: '1 shell still running' },
    });
  });

  it.each(sizes)('a background agent keeps the turn open: active (%s)', (size) => {
    expect(classifyScreen(claude, real(`active-background-agent-${size}`))).toMatchObject({
      state: 'active',
      detail: { background: 'Waiting for 1 background agent to finish' },
    });
  });
});

describe('claude-code: dialogs wait for a person', () => {
  it.each(sizes)('the multiple-choice question of AskUserQuestion (%s)', (size) => {
    const result = classifyScreen(claude, real(`waiting_input-ask-user-question-${size}`));
    expect(result).toMatchObject({ state: 'waiting_input', detail: { question: 'Which database should the service use?' } });
    expect(result.detail.options).toEqual(expect.arrayContaining(['1. PostgreSQL', '2. SQLite']));
  });

  it.each(sizes)('plan approval, its question and options (%s)', (size) => {
    const result = classifyScreen(claude, real(`waiting_input-exit-plan-mode-${size}`));
    expect(result).toMatchObject({ state: 'waiting_input', detail: { question: 'Exit plan mode?' } });
    expect(result.detail.options?.at(-1)).toMatch(/^\d\. No\b/u);
  });

  it.each(sizes)('a panel without a question mark: Claude in Chrome (%s)', (size) => {
    expect(classifyScreen(claude, layout(`waiting_input-chrome-navigate-${size}`))).toMatchObject({
      state: 'waiting_input',
      detail: { question: 'Claude in Chrome wants to navigate to https://example.com/login', options: ['1. Allow', '2. Allow for this site', '3. Deny (esc)'] },
    });
  });

  it('a panel drawn in ASCII (`> 1.`)', () => {
    expect(classifyScreen(claude, layout('waiting_input-ascii-choice-80x24'))).toMatchObject({
      state: 'waiting_input',
      detail: { question: 'Do you want to proceed?', options: ['1. Yes', '2. No, and tell Claude what to do differently (esc)'] },
    });
  });

  it('is not a numbered list without a way to refuse or the keys of a dialog', () => {
    // Derived from the Chrome layout: no deny option and no key hints, e.g. an answer's list.
    const list = layout('waiting_input-chrome-navigate-80x24').replace('   3. Deny (esc)', '   3. Allow always');
    expect(classifyScreen(claude, list).state).not.toBe('waiting_input');
  });

  it.each(sizes)('first-run dialogs with unnumbered options: API key and folder trust (%s)', (size) => {
    expect(classifyScreen(claude, real(`waiting_input-api-key-dialog-${size}`))).toMatchObject({
      state: 'waiting_input',
      detail: { question: 'Do you want to use this API key?', options: ['Yes', 'No (recommended)'] },
    });
    expect(classifyScreen(claude, real(`waiting_input-folder-trust-dialog-${size}`))).toMatchObject({
      state: 'waiting_input',
      detail: { question: expect.stringMatching(/^Quick safety check: Is this a project you created or one you trust\?/u), options: ['No, exit', 'Yes, I trust this folder'] },
    });
  });

  it('does not take unnumbered lines for a dialog without its key hints', () => {
    // Derived from the real API-key dialog: the key hints line removed.
    const dialog = real('waiting_input-api-key-dialog-80x24');
    const noHints = dialog.replace(/Enter to confirm · Esc to cancel/u, '');
    expect(noHints).not.toBe(dialog);
    expect(classifyScreen(claude, noHints).state).not.toBe('waiting_input');
  });

  it.each(sizes)('a dialog hidden behind the transcript view (ctrl+o) still waits (%s)', (size) => {
    expect(classifyScreen(claude, real(`waiting_input-approval-behind-transcript-${size}`))).toMatchObject({
      state: 'waiting_input',
      evidence: [expect.stringMatching(/^dialog waiting · Showing detailed transcript/u)],
    });
  });

  it('reads the transcript view footer while a turn runs behind it as active', () => {
    // Derived: the 2.1.330 binary draws `working` where it draws `dialog waiting` when no dialog waits.
    const behind = real('waiting_input-approval-behind-transcript-80x24');
    const working = behind.replace(/dialog waiting · Showing/u, 'working · Showing');
    expect(working).not.toBe(behind);
    expect(classifyScreen(claude, working).state).toBe('active');
  });

  it.each([...sizes.map((size) => `waiting_input-ask-user-question-${size}`), 'waiting_input-bash-approval-80x24'])(
    'never gives queued_message for a dialog (%s)',
    (name) => {
      // The resubmit action presses Enter only for queued_message: on a dialog that would choose.
      expect(classifyScreen(claude, real(name)).state).toBe('waiting_input');
    },
  );
});

describe('claude-code: only its own lines are errors', () => {
  it.each(sizes)("a tool's output quoting API errors is not the agent's error (%s)", (size) => {
    expect(classifyScreen(claude, layout(`idle-tool-output-quotes-api-error-${size}`)).state).toBe('no_activity');
    expect(classifyScreen(claude, layout(`idle-tool-output-quotes-api-error-last-${size}`)).state).toBe('no_activity');
    expect(classifyScreen(claude, real(`idle-tool-output-quotes-api-error-${size}`)).state).toBe('no_activity');
  });

  it('still reads the error Claude Code writes under the user turn', () => {
    expect(classifyScreen(claude, real('error-http401-gave-up-80x24'))).toMatchObject({
      state: 'error',
      detail: { message: 'Invalid API key · Fix external API key' },
    });
  });
});

describe('claude-code: gone, and its shell cleared', () => {
  const cleared = '$ \n\n\n';
  const shell: DetectorPane = { dead: false, deadStatus: null, currentCommand: 'sh', title: '', agentOption: null };

  it('is crashed when the pane was started as Claude Code', () => {
    for (const startCommand of ['claude --permission-mode default', '"PATH=/x:$PATH; set -m; claude --permission-mode default; exec /bin/sh"', 'npx @anthropic-ai/claude-code']) {
      expect(classifyScreen({ ...shell, startCommand }, cleared)).toMatchObject({ state: 'crashed', detector: 'claude-code', evidence: ['$'] });
    }
  });

  it('is crashed when the pane is marked with the @tmux-orc-agent option', () => {
    expect(classifyScreen({ ...shell, agentOption: 'claude-code' }, real('crashed-exited-cleared-shell-80x24')).state).toBe('crashed');
  });

  it('is a plain shell when nothing says an agent ran there', () => {
    for (const startCommand of [null, 'bash', '/bin/sh -c "tail -f claude.log"']) {
      expect(classifyScreen({ ...shell, startCommand }, cleared)).toMatchObject({ state: 'no_activity', detector: 'shell' });
    }
  });
});

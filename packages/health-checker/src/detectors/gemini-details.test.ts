import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyScreen } from '../classify-screen.js';
import type { DetectorPane } from '../detector-pane.js';
import { selectDetector } from '../select-detector.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '__fixtures__', 'gemini-0.61.0');
const read = (name: string): string => readFileSync(join(fixtures, name), 'utf8');
const pane: DetectorPane = { dead: false, deadStatus: null, currentCommand: 'node', title: '', agentOption: null };
const sizes = ['120x40', '80x24'] as const;

describe.each(sizes)('details read off real Gemini CLI 0.61 screens at %s', (size) => {
  const classify = (name: string) => classifyScreen(pane, read(`${name}-${size}.txt`));

  it('names the tool confirmation and its options', () => {
    expect(classify('waiting_input-shell-approval')).toMatchObject({
      state: 'waiting_input',
      detail: { question: 'Allow execution of [Shell]?', options: ['1. Allow once', '2. Allow for this session', '3. No, suggest changes (esc)'] },
    });
    expect(classify('waiting_input-write-approval').detail).toMatchObject({ question: 'Apply this change?', options: expect.arrayContaining(['3. Modify with external editor']) });
  });

  it('names the ask_user question and its choices', () => {
    expect(classify('waiting_input-ask-user').detail).toMatchObject({
      question: 'Which database should the service use?',
      options: expect.arrayContaining(['1. PostgreSQL', '2. SQLite']),
    });
  });

  it('reads the text typed and not sent, also while a turn runs', () => {
    expect(classify('queued_message-typed-not-sent').detail.queuedText).toBe('fix the failing tests please');
    expect(classify('queued_message-typed-while-active').detail.queuedText).toBe('then run the tests');
  });

  it('tells a usage limit from an API error, with the message shown', () => {
    expect(classify('rate_limited-http429-daily-quota')).toMatchObject({ state: 'rate_limited', detail: { message: expect.stringMatching(/^Usage limit reached for /u), options: ['1. Keep trying', '2. Stop'] } });
    expect(classify('rate_limited-http429-stopped').detail.message).toMatch(/^\[API Error: You have exhausted your daily quota/u);
    expect(classify('error-http400-invalid-key').detail.message).toMatch(/^\[API Error: .*API key not valid/u);
  });

  it('takes the queued prompt of a busy CLI for work, not for text to send', () => {
    expect(classify('active-submitted-while-active')).toMatchObject({ state: 'active' });
  });
});

describe('gemini detector negatives', () => {
  const composer = [
    '                                                                   ? for shortcuts',
    '────────────────────────────────────────────────────────────────────────────────',
    ' Shift+Tab to accept edits',
    '',
    ' >   Type your message or @path/to/file',
    '',
    ' workspace (/directory)                         sandbox                  /model',
    ' ~/project                                      no sandbox                 Auto',
  ];

  // Seen once live (HTTP 500 on a prompt queued while 0.61 initialised), not reproduced for a
  // recording: the dialog's lines as captured then, at 120 columns.
  it('reads the "high demand" Keep trying / Stop dialog as an error, not a limit', () => {
    const inner = ['', 'We are currently experiencing high demand.', 'We apologize and appreciate your patience.', '/model to switch models.', '', '', '● 1. Keep trying', '  2. Stop', '', ''];
    const dialog = ['╭' + '─'.repeat(118) + '╮', ...inner.map((line) => `│ ${line.padEnd(116)} │`), '╰' + '─'.repeat(118) + '╯'];
    const result = classifyScreen(pane, [' > ERR500 please', '', ...dialog].join('\n'));
    expect(result).toMatchObject({ state: 'error', detector: 'gemini', detail: { message: 'We are currently experiencing high demand.', options: ['1. Keep trying', '2. Stop'] } });
  });

  // Ink erases the live area and redraws it after the transcript grew; captures in between were
  // seen live (tips, a finished reply, a half-drawn confirmation, each over blank rows).
  it('takes a frame between erase and redraw for no activity sign, not for unknown', () => {
    const blank = Array.from({ length: 10 }, () => '');
    const frames = [
      ['Tips for getting started:', '1. Create GEMINI.md files to customize your interactions', '4. Be specific for the best results', ...blank],
      [' > TOOL_SHELL clean up', '', '✦ The tool ran. Done.', ...blank],
      ['✦ I will write the notes file.', '', '╭──────────', '│ ? WriteFile  Writing to notes.txt', '│ Apply this change?', '│', ...blank],
    ];
    for (const frame of [...frames, blank]) {
      expect(classifyScreen({ ...pane, title: '◇  Ready (project)' }, frame.join('\n'))).toMatchObject({ state: 'no_activity', detector: 'gemini' });
      // The screen says nothing either way; the title Gemini CLI writes during a turn breaks the tie.
      expect(classifyScreen({ ...pane, title: '✦  Working… (project)' }, frame.join('\n'))).toMatchObject({ state: 'active', detector: 'gemini', rule: 'gemini/title-working' });
    }
  });

  it('stays unknown on a dialog it does not know (boxed numbered options, no composer)', () => {
    const dialog = ['╭──────────╮', '│ Pick a theme │', '│ ● 1. Dark │', '│   2. Light │', '╰──────────╯'];
    expect(classifyScreen({ ...pane, title: '✋  Action Required (project)' }, dialog.join('\n')).state).toBe('unknown');
  });

  it('takes an error of an earlier turn, above an answered prompt, for history', () => {
    const screen = [' > ERR500 please', '', '✕ [API Error: {"error":{"code":500}}]', '', ' > hello', '', '✦ Hello. Done.', '', ...composer].join('\n');
    expect(classifyScreen(pane, screen)).toMatchObject({ state: 'no_activity', detector: 'gemini' });
  });

  it('does not take a reply that quotes a confirmation or a limit for a dialog or a limit', () => {
    const reply = ['✦ The CLI will ask "Allow execution of [Shell]?" and offer:', '  ● 1. Allow once', '  2. Stop', '  Usage limit reached for gemini-2.5-pro.'];
    expect(classifyScreen(pane, [' > explain the dialogs', '', ...reply, '', ...composer].join('\n')).state).toBe('no_activity');
  });

  it('is chosen over Codex by its live composer when both signatures are on screen and the title says nothing', () => {
    const screen = [' > compare OpenAI Codex with this CLI', '', '✦ OpenAI Codex is another agent.', '', ...composer].join('\n');
    expect(selectDetector(pane, screen).id).toBe('gemini');
  });

  it('calls a cleared shell crashed when the pane was started as Gemini CLI, a shell otherwise', () => {
    const shell: DetectorPane = { ...pane, currentCommand: 'sh', startCommand: null };
    for (const startCommand of ['gemini --approval-mode default', "PATH=/x:$PATH; export PATH; set -m; gemini --approval-mode default; exec /bin/sh", 'npx @google/gemini-cli']) {
      expect(classifyScreen({ ...shell, startCommand }, '$ \n\n')).toMatchObject({ state: 'crashed', detector: 'gemini' });
    }
    for (const startCommand of [null, 'bash', 'less gemini.log']) {
      expect(classifyScreen({ ...shell, startCommand }, '$ \n\n')).toMatchObject({ state: 'no_activity', detector: 'shell' });
    }
  });

  it('is chosen from the CLI’s own pane titles', () => {
    for (const title of ['◇  Ready (project)', '✋  Action Required (project)', '✦  Working… (project)', '⏲  Working… (project)', 'Gemini CLI (project)']) {
      expect(selectDetector({ ...pane, title }, '').id).toBe('gemini');
    }
    expect(selectDetector({ ...pane, title: '✳ Claude Code' }, '').id).toBe('claude-code');
  });
});

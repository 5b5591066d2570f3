import { describe, expect, it } from 'vitest';
import type { DetectorPane } from '../detector-pane.js';
import { toScreenLines } from '../screen-lines.js';
import { codexDetector } from './codex.js';
import { findCodexDialog } from './codex-dialog.js';

const pane: DetectorPane = { dead: false, deadStatus: null, currentCommand: 'codex', title: '', agentOption: null };
const footer = ['', '  gpt-fake default · ~/project', '  ← for agents · ? for shortcuts'];

/**
 * Layouts assembled from the strings of issue 20 (screens other tools' suites captured from Codex):
 * the MCP tool-permission dialog, whose first option follows `›` like typed text does.
 */
const mcpPermission = [
  '› look up the ticket',
  '',
  '  Allow the linear MCP server to run tool "get_issue"?',
  '',
  '› 1. Allow',
  '  2. Allow for this session',
  '  3. Deny',
  '',
  '  enter to submit | esc to cancel',
];

describe('Codex dialogs', () => {
  it('reads an MCP permission dialog as waiting_input, never as a queued `1. Allow`', () => {
    const result = codexDetector.classify(mcpPermission.join('\n'), pane);
    expect(result).toMatchObject({
      state: 'waiting_input',
      detail: { question: 'Allow the linear MCP server to run tool "get_issue"?', options: ['1. Allow', '2. Allow for this session', '3. Deny'] },
    });
  });

  it('accepts the selection drawn in ASCII (`> 1.`)', () => {
    const ascii = mcpPermission.map((line) => line.replace('› 1.', '> 1.'));
    expect(codexDetector.classify(ascii.join('\n'), pane).state).toBe('waiting_input');
  });

  it('does not take a numbered list in an answer for a dialog', () => {
    const answer = ['• Next steps:', '  1. Run the tests', '  2. Fix the lint', '  Worked for 3s • 05:10', '', '› Ask Codex to do anything', ...footer];
    expect(findCodexDialog(toScreenLines(answer.join('\n')), 6)).toBeNull();
    expect(codexDetector.classify(answer.join('\n'), pane).state).toBe('no_activity');
  });

  it('takes a typed draft that starts with a number for queued text, not a dialog', () => {
    const draft = ['• Done.', '', '› 1. fix the parser', ...footer];
    expect(codexDetector.classify(draft.join('\n'), pane)).toMatchObject({ state: 'queued_message', detail: { queuedText: '1. fix the parser' } });
  });

  it('ignores a dialog hint scrolled far above the bottom (history, not the current view)', () => {
    const old = [...mcpPermission, '', '✔ You approved codex to run get_issue', '• Done.', '', '', '', '', '', '› Ask Codex to do anything', ...footer];
    expect(codexDetector.classify(old.join('\n'), pane).state).toBe('no_activity');
  });
});

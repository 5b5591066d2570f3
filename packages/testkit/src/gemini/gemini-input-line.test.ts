import { describe, expect, it } from 'vitest';
import { geminiInputText } from './gemini-input-line.js';

const screen = (input: string): string =>
  [' > hello', '', '✦ Hello from the fake API. Done.', '', '    ? for shortcuts', '─'.repeat(40), ' Shift+Tab to accept edits', '', input, '', ' workspace (/directory)'].join('\n');

describe('geminiInputText', () => {
  it('reads the input line under the rule, not the transcript’s prompt lines above it', () => {
    expect(geminiInputText(screen(' >   Type your message or @path/to/file'))).toBe('Type your message or @path/to/file');
    expect(geminiInputText(screen(' > fix the tests'))).toBe('fix the tests');
    expect(geminiInputText(screen(' *   yolo text'))).toBe('yolo text');
  });

  it('is null when a dialog replaces the composer', () => {
    expect(geminiInputText(' > TOOL_SHELL clean up\n╭────╮\n│ Allow execution of [Shell]? │\n╰────╯')).toBeNull();
  });
});

import type { TitleReading } from '../detector-rule.js';

// `gemini` in the title (a user's own, or `Gemini CLI (dir)` with `ui.dynamicWindowTitle` off), or
// the dynamic title 0.61 sets: `◇  Ready (dir)`, `✋  Action Required (dir)`, `✦  Working… (dir)`,
// `⏲  Working… (dir)`, `✦  <thought subject> (dir)` (a glyph and two spaces).
const title = /gemini|^(?:◇ {2}Ready|✋ {2}Action Required|⏲ {2}Working…|✦ {2}\S)/iu;

// Strings only Gemini CLI draws: its placeholder, loading indicator, banner and tips, composer
// mode lines, its dialogs (which replace the composer), and the goodbye it prints on `/quit`
// (what is left above the shell prompt).
const screenSignature = new RegExp(
  [
    'Type your message or @path/to/file',
    '\\(esc to cancel, \\d',
    'Gemini CLI v\\d',
    'Create GEMINI\\.md files',
    'Shift\\+Tab to accept edits',
    'YOLO Ctrl\\+Y',
    'Allow execution of \\[',
    '● 1\\. Allow once',
    '│ Answer Questions',
    '/model to switch models\\.',
    'Agent powering down\\. Goodbye!',
    'To resume this session: gemini --resume',
  ].join('|'),
  'u',
);

/** Whether a pane title is one Gemini CLI sets (or names Gemini). */
export function geminiTitle(paneTitle: string): boolean {
  return title.test(paneTitle.trim());
}

/**
 * What 0.61's dynamic title says (its recorded screens' titles): `✦  Working… (dir)` or `⏲  Working…`
 * (or a thought's subject after `✦`) while a turn runs, `✋  Action Required`, `◇  Ready`.
 */
export function readGeminiTitle(paneTitle: string): TitleReading | null {
  const trimmed = paneTitle.trim();
  if (/^(?:✦|⏲) {2}\S/u.test(trimmed)) return 'working';
  if (/^✋ {2}Action Required\b/u.test(trimmed)) return 'waiting';
  return /^◇ {2}Ready\b/u.test(trimmed) ? 'ready' : null;
}

/** Whether a screen shows a string only Gemini CLI draws. */
export function geminiScreenSignature(screen: string): boolean {
  return screenSignature.test(screen);
}

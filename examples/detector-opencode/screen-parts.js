// Reading opencode's TUI screen: its bottom status line, its input box, its last turn.

/** The screen's lines without trailing blanks, and the index of the last non-empty one. */
export function screenLines(screen) {
  const lines = screen.split('\n').map((line) => line.trimEnd());
  let last = lines.length - 1;
  while (last >= 0 && lines[last] === '') last -= 1;
  return { lines: lines.slice(0, last + 1), last };
}

/** opencode's working indicator: eight `■`/`⬝` squares at the start of the status line. */
export const spinner = /^\s*[■⬝]{8}\s+(.*)$/u;
/** A retry shown in the status line: `[retrying in 23s attempt #1]`, `[retrying attempt #1]` (cut off on narrow panes). */
export const retrying = /\[retrying(?: in (\d+\s*[a-z]+))?(?: attempt #(\d+))?/u;
/** The bottom edge of the input box. */
const boxBottom = /^\s*╹▀{8,}/u;
/** A turn's footer: `▣  Build · Claude Sonnet 4.5 (latest) · 7.9s` (the duration only once it completed). */
export const turnFooter = /^\s*▣\s+\S.*·/u;
export const completedFooter = /·\s*\d+(?:\.\d+)?m?s\s*$/u;
/** A shell prompt line: `$ `, `# `, `user@host:~/p$ `, `❯`. */
export const shellPrompt = /^(?:\S.{0,80})?[$#%❯>]$/u;

/** Text after a `┃ ` block border, trimmed; null for a line outside a block. */
export function blockText(line) {
  const match = /^\s*┃(.*)$/u.exec(line);
  return match === null ? null : (match[1] ?? '').trim();
}

/**
 * The input box: the lines from the box's top down to its mode line (`┃  Build · <model> <provider>`),
 * which sits right above the box's bottom edge. Null when no box is drawn (a dialog replaced it).
 */
export function inputBox(lines) {
  let bottom = -1;
  for (let i = lines.length - 1; i >= 0; i -= 1) if (boxBottom.test(lines[i])) { bottom = i; break; }
  if (bottom < 1) return null;
  const modeLine = lines[bottom - 1];
  let top = bottom - 1;
  while (top - 1 >= 0 && blockText(lines[top - 1]) !== null) top -= 1;
  const text = lines.slice(top, bottom - 1).map(blockText).filter((t) => t !== null && t !== '');
  return { top, bottom, modeLine, text };
}

/** The last turn's footer index, or -1. */
export function lastFooter(lines, before) {
  for (let i = before - 1; i >= 0; i -= 1) if (turnFooter.test(lines[i])) return i;
  return -1;
}

/** The `┃` block ending right above line `end` (blank lines skipped): its first index and its text lines. */
function blockAbove(lines, end) {
  let i = end - 1;
  while (i >= 0 && lines[i].trim() === '') i -= 1;
  const text = [];
  for (; i >= 0 && blockText(lines[i]) !== null; i -= 1) text.unshift(blockText(lines[i]));
  return { start: i + 1, text: text.filter((t) => t !== '') };
}

/**
 * An error opencode drew under the last prompt: the turn's footer has no duration, and right above it
 * sit two `┃` blocks, the prompt and then the error (an interrupted turn leaves the prompt alone,
 * a turn that answered leaves the answer's plain text). The error's lines, or null.
 */
export function errorAbove(lines, footer) {
  if (footer < 0 || completedFooter.test(lines[footer])) return null;
  const last = blockAbove(lines, footer);
  if (last.text.length === 0) return null;
  const before = blockAbove(lines, last.start);
  return before.text.length > 0 ? last.text : null;
}

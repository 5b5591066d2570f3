import { findLastIndex } from '../screen-lines.js';

// A permission/choice panel replaces the box: ` Do you want to proceed?` then ` ❯ 1. Yes`,
// indented (or inside a `│` border). At column 0, `❯ 1. …` is a user turn or typed text.
const selectedOption = /^(?:\s+|\s*│\s*)❯\s*1\.\s+\S/u;
const numberedOption = /^\s*[│\s]*(?:❯\s*)?\d+\.\s+\S/u;

/** How many lines at the bottom a permission panel can take. */
const dialogDepth = 30;

/** A question Claude Code asks, with its choices as drawn (`1. Yes`, `2. Yes, and …`, `3. No`). */
export interface PermissionPanel {
  readonly question: string;
  readonly options: readonly string[];
}

function stripPanel(line: string): string {
  return line.replace(/^\s*│?\s*(?:❯\s*)?/u, '').replace(/\s*│\s*$/u, '');
}

/**
 * The permission/choice panel Claude Code draws in place of its prompt box, within the bottom
 * lines: a question ending in `?` and numbered options with `❯` on the selected one.
 */
export function findPermissionPanel(lines: readonly string[]): PermissionPanel | null {
  const from = Math.max(0, lines.length - dialogDepth);
  const selected = findLastIndex(lines, selectedOption);
  if (selected < from) return null;
  const questionIndex = findLastIndex(lines, /\?\s*│?\s*$/u, selected - 1);
  if (questionIndex < from || selected - questionIndex > 15) return null;
  const options: string[] = [];
  for (let i = selected; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (numberedOption.test(line)) options.push(stripPanel(line));
    else if (line.trim() !== '' && options.length > 0 && !/^\s{3,}\S/u.test(line)) break;
  }
  const question = stripPanel(lines[questionIndex] ?? '');
  return { question, options };
}

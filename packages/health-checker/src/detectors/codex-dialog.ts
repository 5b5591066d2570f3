import { beforeWideGap, findLastIndex } from '../screen-lines.js';

/** A choice dialog Codex draws in place of its composer, read from the screen. */
export interface CodexDialog {
  /** The question (the line ending in `?` above the options, else the first line above them). */
  readonly question: string;
  /** The numbered options, `1. Yes, proceed (y)`, without the selection marker. */
  readonly options: readonly string[];
  /** The key hint under the options (`Press enter to confirm or esc to cancel`, …). */
  readonly hint: string;
}

/** A numbered option, the selected one marked `›` (Codex) or `>` (ASCII). */
const option = /^\s*(?:[›>]\s*)?\d+\.\s+\S/u;
const selectedOption = /^\s*[›>]\s*\d+\.\s+\S/u;
/**
 * The key hint every Codex selection view ends with: approvals (`Press enter to confirm or esc to
 * cancel`), `request_user_input` questions (`… | enter to submit answer | esc to interrupt`), MCP
 * elicitations (`enter to submit | esc to cancel`), pickers and nudges (`enter select · esc back`).
 */
const keyHint = /\benter to (?:confirm|submit|select)\b|\benter select\b|\bpress enter\b/iu;
/** How far above the hint the selected option may be (options carry descriptions and notes). */
const optionsDepth = 12;
/** How far above the first option the question may be (an approval shows the command and reason). */
const questionDepth = 12;

/**
 * The dialog at the bottom of the screen, or null: a key hint among the last lines, a selected
 * numbered option above it, and the question above the options. A numbered list in an answer has
 * neither the marker nor the hint, and a `› 1. …` line without the hint under it is a typed draft.
 */
export function findCodexDialog(lines: readonly string[], bottomDepth: number): CodexDialog | null {
  const hintIndex = findLastIndex(lines, keyHint);
  if (hintIndex < 0 || hintIndex < lines.length - bottomDepth) return null;
  const selectedIndex = findLastIndex(lines, selectedOption, hintIndex - 1);
  if (selectedIndex < 0 || selectedIndex < hintIndex - optionsDepth) return null;
  let first = selectedIndex;
  while (first > 0 && option.test(lines[first - 1] ?? '')) first -= 1;
  const options = lines
    .slice(first, hintIndex)
    .filter((line) => option.test(line))
    .map((line) => line.replace(/^\s*(?:[›>]\s*)?/u, '')).map((line) => beforeWideGap(line).trim());
  const above = lines.slice(Math.max(0, first - questionDepth), first).filter((line) => line.trim() !== '');
  // The nearest question above the options; an approval's `Reason: …?` is the model's words, not Codex's question.
  const question = (above.findLast((line) => /\?\s*$/u.test(line) && !/^\s*Reason:/u.test(line)) ?? above.at(-1) ?? '').trim();
  return { question, options, hint: (lines[hintIndex] ?? '').trim() };
}

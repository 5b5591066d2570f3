import { splitAtPromptBox } from '../prompt-box.js';
import { findLastIndex, withoutRightBorder } from '../screen-lines.js';

// An option of a dialog, indented (or inside a `│` border), the selected one marked with `❯`
// (`>` when drawn in ASCII): ` ❯ 1. Yes`, `   2. No`, `    ❯ 1. Yes, and switch to default …`.
// The multiple-choice dialog draws it at column 0 (`❯ 1. PostgreSQL`), where it is also a user
// turn or text typed into the box: then a prompt box is drawn below it.
const selectedOption = /^\s*(?:│\s*)?[❯>]\s*\d+\.\s+\S/u;
const indented = /^(?:\s+|\s*│)/u;
// First-run dialogs number nothing: `  ❯ No (recommended)` / `    Yes` (API key), ` ❯ No, exit` /
// `   Yes, I trust this folder` (folder trust). Indented, and only with the dialog's key hints.
const selectedPlainOption = /^(\s+)[❯>] (?=\S)/u;
const numberedOption = /^[│\s]*(?:[❯>]\s*)?\d+\.\s+\S/u;
// What makes a numbered list a choice that waits for a person: an option that refuses or
// cancels (`No`, `2. Deny (esc)`, `No, keep planning`), or the dialog's key hints
// (`Esc to cancel · Tab to amend`, `Enter to select · ↑/↓ to navigate · Esc to cancel`).
const refusingOption = /^\d+\.\s+(?:No\b|Deny\b|Don['’]t\b|Do not\b|Cancel\b|Reject\b|Decline\b|Skip\b|Exit\b|Stop\b)|\(esc\)/iu;
const keyHint = /\bEsc to (?:cancel|exit|go back)\b|\bEnter to (?:select|confirm|submit)\b|↑\/↓ to (?:navigate|select)/iu;
const rule = /^\s*(?:[─━╌┄▔▁-]{3,}|[╭╰╮╯])/u;

/** How many lines at the bottom a dialog can take. */
const dialogDepth = 30;
/** How far above its first option a dialog's question is looked for. */
const questionDepth = 15;

/** A dialog Claude Code shows, waiting for a choice: its question (or title) and its options. */
export interface ChoiceDialog {
  readonly question: string;
  readonly options: readonly string[];
}

function stripPanel(line: string): string {
  return withoutRightBorder(line.replace(/^\s*(?:│\s*)?(?:[❯>]\s*)?/u, ''));
}

/** The options around the selected one: numbered lines, with description lines between them. */
function optionsAround(lines: readonly string[], selected: number): { first: number; options: string[] } {
  let first = selected;
  for (let i = selected - 1; i >= 0 && numberedOption.test(lines[i] ?? ''); i -= 1) first = i;
  const options: string[] = [];
  for (let i = first; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (numberedOption.test(line)) options.push(stripPanel(line));
    // Description lines under an option are indented deeper; rules and blank lines may split the list.
    else if (line.trim() !== '' && !rule.test(line) && !/^\s{3,}\S/u.test(line)) break;
  }
  return { first, options };
}

/** Unnumbered options: the selected line and its neighbours whose text starts in the same column. */
function plainOptionsAround(lines: readonly string[], selected: number, column: number): { first: number; options: string[] } {
  const atColumn = (line: string): boolean => line.length > column && line.slice(0, column).trim() === '' && line[column] !== ' ';
  let first = selected;
  while (first > 0 && atColumn(lines[first - 1] ?? '') && !/\?\s*$/u.test(lines[first - 1] ?? '')) first -= 1;
  let last = selected;
  while (last + 1 < lines.length && atColumn(lines[last + 1] ?? '') && !keyHint.test(lines[last + 1] ?? '')) last += 1;
  return { first, options: lines.slice(first, last + 1).map((line) => stripPanel(line).trim()) };
}

/** The question: a line ending in `?` close above the options (or holding one), else the nearest text line above them. */
function questionAbove(lines: readonly string[], first: number): string {
  const from = Math.max(0, first - questionDepth);
  const asked = findLastIndex(lines, (line) => withoutRightBorder(line).endsWith('?'), first - 1);
  if (asked >= from) return stripPanel(lines[asked] ?? '').trim();
  // A question wrapped over lines: `Quick safety check: Is this a project … you trust? (Like your`.
  const wrapped = findLastIndex(lines, /\?\s/u, first - 1);
  if (wrapped >= from) return stripPanel(lines[wrapped] ?? '').trim();
  const titled = findLastIndex(lines, (line) => line.trim() !== '' && !rule.test(line), first - 1);
  return titled >= from ? stripPanel(lines[titled] ?? '').trim() : '';
}

/**
 * A dialog that waits for a person, within the bottom lines: a numbered choice list with `❯`
 * (or ASCII `>`) on the selected option, that offers to refuse or cancel, or shows a dialog's
 * key hints. Permission panels (`Do you want to proceed?`), the multiple-choice question of the
 * AskUserQuestion tool, plan approval (`Exit plan mode?`) and panels without a question mark
 * (`Claude in Chrome wants to navigate to …`, `❯ 1. Allow`, `2. Deny (esc)`) all read the same.
 * Unnumbered options (the API-key and folder-trust dialogs) count with the dialog's key hints.
 */
export function findChoiceDialog(lines: readonly string[]): ChoiceDialog | null {
  return findNumberedDialog(lines) ?? findPlainDialog(lines);
}

function findNumberedDialog(lines: readonly string[]): ChoiceDialog | null {
  const from = Math.max(0, lines.length - dialogDepth);
  const selected = findLastIndex(lines, selectedOption);
  if (selected < from) return null;
  if (!indented.test(lines[selected] ?? '') && splitAtPromptBox(lines.slice(Math.max(0, selected - 1))).typed !== null) return null;
  const { first, options } = optionsAround(lines, selected);
  const refuses = options.some((option) => refusingOption.test(option));
  if (!refuses && !lines.slice(first).some((line) => keyHint.test(line))) return null;
  return { question: questionAbove(lines, first), options };
}

function findPlainDialog(lines: readonly string[]): ChoiceDialog | null {
  const from = Math.max(0, lines.length - dialogDepth);
  const selected = findLastIndex(lines, selectedPlainOption);
  if (selected < from || !lines.slice(selected + 1).some((line) => keyHint.test(line))) return null;
  const column = (selectedPlainOption.exec(lines[selected] ?? '')?.[0] ?? '').length;
  const { first, options } = plainOptionsAround(lines, selected, column);
  return { question: questionAbove(lines, first), options };
}

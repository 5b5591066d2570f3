import { classification } from '../classification.js';
import type { Classification } from '../health-result.js';
import { findLastIndex, withoutRightBorder } from '../screen-lines.js';

const id = 'gemini';

// Dialog lines sit inside a rounded box: `│ ● 1. Allow once   │`.
const boxed = (line: string): string => withoutRightBorder(line.replace(/^[│\s]*/u, ''));
// A radio option: `● 1. Allow once`, `  2. Stop`, `● 1.  PostgreSQL`.
const radioOption = /^(?:[●◯○›>]\s*)?(\d+\.\s+\S.*)$/u;
// ToolConfirmationMessage questions (0.61: `Allow execution of [Shell]?`, `Apply this change?`;
// earlier: `Allow execution of: 'npm'?`), and the first option every one of them offers.
const confirmQuestion = /(Allow execution of\b.*\?|Apply this change\?|Do you want to proceed\?|Allow (?:the )?\S.*\?)$/u;
const allowOnce = /^(?:[●◯○›>]\s*)?1\.\s+(?:Yes, )?allow once\b/iu;
// The ask_user dialog: a question, numbered choices, and this key hint.
const askUserHint = /Enter to select\b.*Esc to cancel/u;
// ProQuotaDialog: `Usage limit reached for gemini-x.` or `We are currently experiencing high demand.`,
// then `● 1. Keep trying` … `Stop`.
const keepTrying = /^(?:[●◯○›>]\s*)?1\.\s+Keep trying$/u;
const stopOption = /^(?:[●◯○›>]\s*)?\d\.\s+Stop$/u;
const usageLimit = /Usage limit reached|quota|rate limit|\b429\b/iu;

/** How far up from the bottom a dialog is looked for. */
const dialogDepth = 40;

function optionsAfter(lines: readonly string[], from: number): string[] {
  return lines
    .slice(from)
    .map(boxed)
    .map((line) => radioOption.exec(line)?.[1]?.replace(/\s+/gu, ' '))
    .filter((option): option is string => option !== undefined);
}

/** The first non-blank boxed line above `index` in the dialog, e.g. the dialog's message. */
function messageAbove(lines: readonly string[], index: number, from: number): string[] {
  const found: string[] = [];
  for (let i = index - 1; i >= from; i -= 1) {
    const text = boxed(lines[i] ?? '');
    if (/^[╭╰]/u.test(text) || /^\s*╭/u.test(lines[i] ?? '')) break;
    if (text !== '') found.unshift(text);
  }
  return found;
}

/** A tool confirmation (`Allow execution of [Shell]?` … `● 1. Allow once`) at the bottom: waiting_input. */
function findConfirmation(lines: readonly string[], from: number): Classification | null {
  const questionIndex = findLastIndex(lines, (line) => confirmQuestion.test(boxed(line)));
  if (questionIndex < from) return null;
  if (!lines.slice(questionIndex + 1).some((line) => allowOnce.test(boxed(line)))) return null;
  const question = confirmQuestion.exec(boxed(lines[questionIndex] ?? ''))?.[1] ?? '';
  const options = optionsAfter(lines, questionIndex + 1);
  return classification(id, 'waiting_input', [question, ...options], { question, options }, `${id}/tool-confirmation`);
}

/** The ask_user dialog: a question, numbered choices and `Enter to select · … · Esc to cancel`, in one box. */
function findQuestion(lines: readonly string[], from: number): Classification | null {
  const hintIndex = findLastIndex(lines, askUserHint);
  if (hintIndex < from) return null;
  const top = findLastIndex(lines, /^\s*╭/u, hintIndex);
  const box = lines.slice(Math.max(top + 1, from), hintIndex);
  const firstOption = box.findIndex((line) => radioOption.test(boxed(line)));
  if (firstOption < 0) return null;
  const prompt = box.slice(0, firstOption).map(boxed).filter((line) => line !== '');
  const question = prompt.findLast((line) => line.endsWith('?')) ?? prompt.at(-1) ?? '';
  const options = optionsAfter(box, firstOption);
  return classification(id, 'waiting_input', [question, ...options, boxed(lines[hintIndex] ?? '')], { question, options }, `${id}/ask-user-dialog`);
}

/**
 * The dialog after a request failed for good (`Keep trying` / `Stop`): `rate_limited` when its
 * message names a usage limit or quota, else `error` (`We are currently experiencing high demand.`).
 */
function findRetryDialog(lines: readonly string[], from: number): Classification | null {
  const keepIndex = findLastIndex(lines, (line) => keepTrying.test(boxed(line)));
  if (keepIndex < from || !lines.slice(keepIndex + 1).some((line) => stopOption.test(boxed(line)))) return null;
  const message = messageAbove(lines, keepIndex, from);
  const options = optionsAfter(lines, keepIndex);
  const text = message.join(' ');
  const state = usageLimit.test(text) ? 'rate_limited' : 'error';
  return classification(id, state, [...message.slice(0, 2), ...options], { message: message[0] ?? '', question: message[0] ?? '', options }, `${id}/retry-dialog`);
}

/**
 * A dialog Gemini CLI draws instead of its composer: a tool confirmation or a question
 * (`waiting_input`), or the retry dialog after a failed request (`rate_limited` / `error`).
 */
export function findGeminiDialog(lines: readonly string[]): Classification | null {
  const from = Math.max(0, lines.length - dialogDepth);
  return findConfirmation(lines, from) ?? findRetryDialog(lines, from) ?? findQuestion(lines, from);
}

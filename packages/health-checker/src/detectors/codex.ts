import type { AgentDetector } from '../agent-detector.js';
import type { ObservedState } from '../agent-state.js';
import { classification } from '../classification.js';
import { detectCrash } from '../detect-crash.js';
import type { DetectorPane } from '../detector-pane.js';
import type { Classification, HealthDetail } from '../health-result.js';
import { findLastIndex, lastNonEmptyLines, toScreenLines } from '../screen-lines.js';
import { isShellCommand } from '../shell-prompt.js';
import { findCodexDialog } from './codex-dialog.js';
import { type CodexRule, codexRules } from './codex-rules.js';

const id = 'codex';

// Codex's composer line: `› text` (older releases drew `▌ text`).
const composer = /^\s*[›▌]\s?(.*)$/u;
const numberedOption = /^\s+\d+\.\s/u;
// The status indicator above the composer, its bullet blinking `•`/`◦`:
// `• Working (5s • esc to interrupt)`, `◦ Compacting context (0s • esc to interrupt)`,
// `• Server is busy, reconnecting 1/5 (3s • esc to interrupt)`; older `press Esc twice to interrupt`.
const interrupt = /\besc (?:twice )?to interrupt\b/iu;
const reconnecting = /\b(?:reconnecting|retrying)\.{0,3}\s*(?:in [\d.]+ ?[a-z]+\s*)?\(?(\d+)\s*\/\s*(\d+)/iu;
const compacting = /^\s*[•◦]\s*Compacting context\b/u;
// A status header too long for the width (a reasoning summary at 80 columns) is cut with `…`,
// and its `(3s • esc to interrupt)` with it.
const truncatedStatus = /^\s*[•◦]\s.*…$/u;
// Typographic (U+2019) or ASCII apostrophes: Codex writes `You’ve hit your usage limit`.
const usageLimit = /You[’']ve hit your usage limit|rate limit|429 Too Many Requests|\b429\b/iu;
const tryAgain = /try again (?:at|in) ([^.]+)|resets at ([^·]+)/iu;
// Codex prints errors as history cells starting with `■`; an interrupt is drawn the same way.
const errorCell = /^\s*■\s(.*)$/u;
const interrupted = /^\s*■\s+Conversation interrupted\b/u;
const limitNotice = /^\s*⚠ .*\blimit\b.*\bresets at\b/u;
const banner = />_ OpenAI Codex\b/u;
const historyCell = /^\s*[•◦]\s/u;
// Killed, Codex leaves its screen; the shell prints `Killed` and its prompt where the cursor was (indented).
const leftoverPrompt = /^\s*[$#]$/u;

/** Example prompts Codex shows in the empty composer (codex-rs/tui chatwidget PLACEHOLDERS). */
const placeholders: ReadonlySet<string> = new Set([
  'Explain this codebase',
  'Summarize recent commits',
  'Implement {feature}',
  'Find and fix a bug in @filename',
  'Write tests for @filename',
  'Improve documentation in @filename',
  'Run /review on my current changes',
  'Use /skills to list available skills',
  'Ask Codex to do anything',
]);

const statusDepth = 8;
/** How many lines from the bottom the composer can be (a status line wrapped at 80 columns, the footer, a multi-line draft). */
const composerDepth = 7;
const dialogDepth = 6;
const outcomeDepth = 8;

function result(rule: CodexRule, state: ObservedState, evidence: readonly string[], detail: HealthDetail = {}): Classification {
  return classification(id, state, evidence, detail, `${id}/${rule}`);
}

function detectLeftoverPrompt(pane: DetectorPane, lines: readonly string[]): Classification | null {
  if (!isShellCommand(pane.currentCommand)) return null;
  const prompt = lines.slice(-15).findLast((line) => leftoverPrompt.test(line));
  return prompt === undefined ? null : result('killed-leftover-prompt', 'crashed', [prompt], { exitStatus: null, currentCommand: pane.currentCommand });
}

/** The composer: `›` near the bottom, not followed by more numbered options (a dialog's selected option looks the same). */
function findComposer(lines: readonly string[]): number {
  const index = findLastIndex(lines, composer);
  if (index < lines.length - composerDepth) return -1;
  return numberedOption.test(lines[index + 1] ?? '') ? -1 : index;
}

/** The newest turn's lines: below the last user message (`› …`) above the composer. */
function newestTurn(above: readonly string[]): string[] {
  const userTurn = findLastIndex(above, composer);
  return (userTurn >= 0 ? above.slice(userTurn + 1) : above).filter((line) => line.trim() !== '').slice(-outcomeDepth);
}

function classifyStatus(status: readonly string[]): Classification | null {
  const retryIndex = findLastIndex(status, reconnecting);
  if (retryIndex >= 0) {
    const retryLine = status[retryIndex] ?? '';
    const reason = (status[retryIndex + 1] ?? '').replace(/^\s*└\s*/u, '').trim();
    const match = reconnecting.exec(retryLine);
    const attempts = { ...(match?.[1] === undefined ? {} : { attempt: Number(match[1]) }), ...(match?.[2] === undefined ? {} : { maxAttempts: Number(match[2]) }) };
    const evidence = reason === '' ? [retryLine] : [retryLine, reason];
    if (usageLimit.test(reason)) return result('reconnecting', 'rate_limited', evidence, { message: reason, ...attempts });
    return result('reconnecting', 'error', evidence, { ...(reason === '' ? {} : { message: reason }), ...attempts });
  }
  const compactingLine = status.findLast((line) => compacting.test(line));
  if (compactingLine !== undefined) return result('compacting', 'compacting', [compactingLine]);
  const working = status.findLast((line) => interrupt.test(line));
  if (working !== undefined) return result('status-interrupt', 'active', [working]);
  // The header is the newest cell: the last line above the composer, or above its `└` detail.
  const newest = status.filter((line) => line.trim() !== '' && !/^\s*└/u.test(line)).at(-1);
  return newest !== undefined && truncatedStatus.test(newest) ? result('truncated-status', 'active', [newest]) : null;
}

function classifyOutcome(turn: readonly string[], all: readonly string[]): Classification | null {
  const errorIndex = findLastIndex(turn, errorCell);
  const errorLine = turn[errorIndex];
  if (errorLine === undefined || interrupted.test(errorLine)) return null;
  // A long error wraps; its continuation lines belong to the message.
  const continuation = turn.slice(errorIndex + 1).filter((line) => !/^\s*(?:[•◦›⚠]|Worked for\b)/u.test(line) && !/^\s{2}\S/u.test(line));
  const message = [errorCell.exec(errorLine)?.[1] ?? errorLine, ...continuation].join(' ').trim();
  if (!usageLimit.test(errorLine)) return result('error-cell', 'error', [errorLine], { message });
  const notice = all.findLast((line) => limitNotice.test(line));
  const reset = tryAgain.exec(errorLine) ?? (notice === undefined ? null : tryAgain.exec(notice));
  const resetAt = (reset?.[1] ?? reset?.[2])?.trim();
  return result('error-cell', 'rate_limited', notice === undefined ? [errorLine] : [errorLine, notice], { message, ...(resetAt === undefined ? {} : { resetAt }) });
}

function classifyCodex(screen: string, pane: DetectorPane): Classification {
  const lines = toScreenLines(screen);
  const crash = detectCrash(id, pane, lines) ?? detectLeftoverPrompt(pane, lines);
  if (crash !== null) return crash;
  if (lines.length === 0) return result('empty-screen', 'unknown', [], { reason: 'the screen is empty' });

  // A dialog replaces the composer; its selected option (`› 1. …`) is not typed text.
  const dialog = findCodexDialog(lines, dialogDepth);
  if (dialog !== null) return result('choice-dialog', 'waiting_input', [dialog.question, ...dialog.options], { question: dialog.question, options: dialog.options });

  const composerIndex = findComposer(lines);
  const above = composerIndex >= 0 ? lines.slice(0, composerIndex) : lines;
  const status = classifyStatus(above.slice(-statusDepth));
  if (status !== null) return status;
  const outcome = classifyOutcome(newestTurn(above), above);
  if (outcome !== null) return outcome;

  if (composerIndex < 0) return result('no-composer', 'unknown', lastNonEmptyLines(lines, 1), { reason: 'no Codex composer on the screen' });
  const composerLine = lines[composerIndex] ?? '';
  const typed = (composer.exec(composerLine)?.[1] ?? '').trim();
  if (typed !== '' && !placeholders.has(typed)) return result('typed-text', 'queued_message', [composerLine], { queuedText: typed });
  const bannerLine = above.find((line) => banner.test(line));
  if (bannerLine !== undefined && !above.some((line) => historyCell.test(line) || composer.test(line))) return result('fresh-banner', 'fresh', [bannerLine]);
  return result('quiet-composer', 'no_activity', [composerLine]);
}

/** Detector for OpenAI Codex CLI (`codex`): status indicator, dialogs and history cells around the composer. */
export const codexDetector: AgentDetector = {
  contractVersion: 'v1',
  id,
  matches(pane, screen) {
    if (pane.currentCommand === 'codex') return 0.9;
    if (/\bcodex\b/iu.test(pane.title)) return 0.8;
    // Codex puts nothing in the pane title; after /quit only its resume hint (or, before any turn, its session id) is left.
    if (screen !== undefined && /OpenAI Codex|[•◦] Working \(|tell Codex what to do|To continue this session, run:|\bcodex resume\b|^Session ID: [0-9a-f]{8}-[0-9a-f-]{27}$/mu.test(screen)) return 0.6;
    return 0;
  },
  classify: classifyCodex,
  rules: codexRules,
  // 0.171 writes a braille spinner before the title while a turn runs (`⠸ SLOW:30 go | dir`) and
  // `[ . ] Action Required | …` while a dialog waits (its recorded screens' titles).
  readTitle: (title) => (/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] /u.test(title) ? 'working' : /^\[ [.!] \] Action Required\b/u.test(title) ? 'waiting' : null),
};

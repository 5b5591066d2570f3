import type { AgentDetector } from '../agent-detector.js';
import type { ObservedState } from '../agent-state.js';
import { classification } from '../classification.js';
import { detectCrash } from '../detect-crash.js';
import type { DetectorPane } from '../detector-pane.js';
import type { Classification, HealthDetail } from '../health-result.js';
import { findLastIndex, lastNonEmptyLines, toScreenLines } from '../screen-lines.js';

const id = 'codex';

// Codex's composer line: `› text` (older releases drew `▌ text`).
const composer = /^\s*[›▌]\s?(.*)$/u;
// The status indicator above the composer: `• Working (5s • Esc to interrupt)`,
// older `Working [...] press Esc twice to interrupt`.
const interrupt = /\besc (?:twice )?to interrupt\b/iu;
const reconnecting = /\b(?:Reconnecting|retrying)\.{0,3}\s*(?:in [\d.]+\s*\w+\s*)?\(?(\d+)\s*\/\s*(\d+)/iu;
const compacting = /^\s*•\s*Compacting context\b/u;
const approvalQuestion = /Would you like to (?:run the following command|make the following edits|.*)\?|Allow command\?/u;
const approvalHint = /Press enter to confirm or esc to cancel/iu;
const option = /^\s*(?:›\s*)?\d+\.\s+\S/u;
const selectedOption = /^\s*›\s*\d+\.\s+\S/u;
// Codex prints errors as history cells starting with `■`.
const errorCell = /^\s*■\s+(.*)$/u;
const usageLimit = /You've hit your usage limit|rate limit|429 Too Many Requests/iu;
const tryAgain = /try again (?:at|in) ([^.]+)/iu;
const banner = />_ OpenAI Codex\b/u;
const historyCell = /^\s*•\s/u;

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
/** How many lines from the bottom the composer can be (footer and a multi-line draft below it). */
const composerDepth = 6;
const outcomeDepth = 6;
const dialogDepth = 30;

function result(state: ObservedState, evidence: readonly string[], detail: HealthDetail = {}): Classification {
  return classification(id, state, evidence, detail);
}

function findApproval(lines: readonly string[]): Classification | null {
  const from = Math.max(0, lines.length - dialogDepth);
  const questionIndex = findLastIndex(lines, approvalQuestion);
  if (questionIndex < from) return null;
  const tail = lines.slice(questionIndex);
  // The modal ends with its key hint, or marks the selected choice with `›`: a question and a
  // numbered list in an answer are not an approval.
  if (!tail.some((line) => approvalHint.test(line) || selectedOption.test(line))) return null;
  const question = (lines[questionIndex] ?? '').trim();
  const options = tail.filter((line) => option.test(line)).map((line) => line.replace(/^\s*(?:›\s*)?/u, '').trim());
  return result('waiting_input', [question, ...options], { question, options });
}

function classifyCodex(screen: string, pane: DetectorPane): Classification {
  const lines = toScreenLines(screen);
  const crash = detectCrash(id, pane, lines);
  if (crash !== null) return crash;
  if (lines.length === 0) return result('unknown', [], { reason: 'the screen is empty' });

  const approval = findApproval(lines);
  if (approval !== null) return approval;

  // The composer sits just above the footer; a `›` line higher up is a past user turn.
  const lowestComposer = findLastIndex(lines, composer);
  const composerIndex = lowestComposer >= lines.length - composerDepth ? lowestComposer : -1;
  const above = composerIndex >= 0 ? lines.slice(0, composerIndex) : lines;
  const status = above.slice(-statusDepth);

  const retryLine = status.findLast((line) => reconnecting.test(line));
  if (retryLine !== undefined) {
    const match = reconnecting.exec(retryLine);
    return result('error', [retryLine], {
      ...(match?.[1] !== undefined ? { attempt: Number(match[1]) } : {}),
      ...(match?.[2] !== undefined ? { maxAttempts: Number(match[2]) } : {}),
    });
  }
  const compactingLine = status.findLast((line) => compacting.test(line));
  if (compactingLine !== undefined) return result('compacting', [compactingLine]);
  const working = status.findLast((line) => interrupt.test(line));
  if (working !== undefined) return result('active', [working]);

  const outcome = lastNonEmptyLines(above, outcomeDepth);
  const errorLine = outcome.findLast((line) => errorCell.test(line));
  if (errorLine !== undefined) {
    const message = errorCell.exec(errorLine)?.[1] ?? errorLine;
    if (usageLimit.test(errorLine)) {
      const reset = tryAgain.exec(errorLine)?.[1];
      return result('rate_limited', [errorLine], { message, ...(reset !== undefined ? { resetAt: reset.trim() } : {}) });
    }
    return result('error', [errorLine], { message });
  }

  if (composerIndex < 0) return result('unknown', lastNonEmptyLines(lines, 1), { reason: 'no Codex composer on the screen' });
  const composerLine = lines[composerIndex] ?? '';
  const typed = (composer.exec(composerLine)?.[1] ?? '').trim();
  if (typed !== '' && !placeholders.has(typed)) return result('queued_message', [composerLine], { queuedText: typed });
  const bannerLine = above.find((line) => banner.test(line));
  if (bannerLine !== undefined && !above.some((line) => historyCell.test(line))) return result('fresh', [bannerLine]);
  return result('no_activity', [composerLine]);
}

/** Detector for OpenAI Codex CLI (`codex`): status indicator and history cells above the composer. */
export const codexDetector: AgentDetector = {
  id,
  matches(pane, screen) {
    if (pane.currentCommand === 'codex') return 0.9;
    if (/\bcodex\b/iu.test(pane.title)) return 0.8;
    if (screen !== undefined && /OpenAI Codex|• Working \(|tell Codex what to do/u.test(screen)) return 0.6;
    return 0;
  },
  classify: classifyCodex,
};

import type { AgentDetector } from '../agent-detector.js';
import type { ObservedState } from '../agent-state.js';
import { classification } from '../classification.js';
import { detectCrash } from '../detect-crash.js';
import type { DetectorPane } from '../detector-pane.js';
import type { Classification, HealthDetail } from '../health-result.js';
import { splitAtPromptBox } from '../prompt-box.js';
import { findLastIndex, lastNonEmptyLines, toScreenLines } from '../screen-lines.js';

const id = 'gemini';

// LoadingIndicator: `⠏ Thinking... (esc to cancel, 12s)`.
const loading = /\(esc to cancel, [\d.]+\s*[hms]?/iu;
const waitingConfirmation = /Waiting for user confirmation/iu;
// ToolConfirmationMessage questions, and the radio option every one of them offers.
const confirmQuestion = /(Allow execution of\b.*\?|Apply this change\?|Do you want to proceed\?)/u;
const allowOnce = /Yes, allow once/u;
const option = /^\s*[│\s]*(?:[●◯○›>]\s*)?(?:\d+\.\s+)?(Yes, |No, |No \(esc\)|Modify with external editor)/u;
// Errors: `✕ [API Error: …]`; quota/limit wording from the CLI's quota and fallback messages.
const apiError = /^\s*[│\s]*✕\s*(.*)$|^\s*[│\s]*\[API Error: (.*)\]/u;
const notice = /^\s*[│\s]*⚡/u;
const quota = /\b429\b|RESOURCE_EXHAUSTED|Quota exceeded|quota limit|rate limit/iu;
const tips = /Tips for getting started/u;
const conversationMark = /^\s*[│\s]*✦\s|^\s*>\s+\S/u;
const placeholder = /^Type your message or @path\/to\/file$/u;

const statusDepth = 10;
const outcomeDepth = 6;
const dialogDepth = 40;

function result(state: ObservedState, evidence: readonly string[], detail: HealthDetail = {}): Classification {
  return classification(id, state, evidence, detail);
}

function findConfirmation(lines: readonly string[]): Classification | null {
  const from = Math.max(0, lines.length - dialogDepth);
  const questionIndex = findLastIndex(lines, confirmQuestion);
  if (questionIndex < from) return null;
  const tail = lines.slice(questionIndex + 1);
  if (!tail.some((line) => allowOnce.test(line))) return null;
  const question = confirmQuestion.exec(lines[questionIndex] ?? '')?.[1] ?? '';
  const options = tail
    .filter((line) => option.test(line))
    .map((line) => line.replace(/^\s*[│\s]*(?:[●◯○›>]\s*)?/u, '').replace(/\s*│\s*$/u, ''));
  return result('waiting_input', [question, ...options], { question, options });
}

function classifyGemini(screen: string, pane: DetectorPane): Classification {
  const lines = toScreenLines(screen);
  const crash = detectCrash(id, pane, lines);
  if (crash !== null) return crash;
  if (lines.length === 0) return result('unknown', [], { reason: 'the screen is empty' });

  const confirmation = findConfirmation(lines);
  if (confirmation !== null) return confirmation;

  const regions = splitAtPromptBox(lines);
  const status = regions.above.slice(-statusDepth);
  const waiting = status.findLast((line) => waitingConfirmation.test(line));
  if (waiting !== undefined) return result('waiting_input', [waiting], { question: waiting.trim() });

  const outcome = lastNonEmptyLines(regions.above, outcomeDepth);
  // Only error lines (`✕ …`, `[API Error: …]`) and the CLI's `⚡` notices can tell a limit:
  // an answer that talks about rate limits or HTTP 429 is not one.
  const errorLine = outcome.findLast((line) => apiError.test(line));
  const quotaLine = outcome.findLast((line) => (apiError.test(line) || notice.test(line)) && quota.test(line));
  const working = status.findLast((line) => loading.test(line));
  if (working !== undefined) return result('active', [working]);
  if (quotaLine !== undefined) return result('rate_limited', [quotaLine], { message: quotaLine.trim() });
  if (errorLine !== undefined) {
    const match = apiError.exec(errorLine);
    return result('error', [errorLine], { message: (match?.[1] ?? match?.[2] ?? errorLine).trim() });
  }

  if (regions.typed === null) return result('unknown', lastNonEmptyLines(lines, 1), { reason: 'no Gemini CLI input box on the screen' });
  if (regions.typed !== '' && !placeholder.test(regions.typed)) {
    return result('queued_message', [regions.promptLine ?? regions.typed], { queuedText: regions.typed });
  }
  const tipsLine = regions.above.find((line) => tips.test(line));
  if (tipsLine !== undefined && !regions.above.some((line) => conversationMark.test(line))) return result('fresh', [tipsLine]);
  return result('no_activity', [regions.promptLine ?? '']);
}

/** Detector for Gemini CLI (`gemini`): loading indicator, tool confirmations, and the input box. */
export const geminiDetector: AgentDetector = {
  id,
  matches(pane, screen) {
    if (pane.currentCommand === 'gemini') return 0.9;
    if (/gemini/iu.test(pane.title)) return 0.8;
    if (screen !== undefined && /Type your message or @path\/to\/file|esc to cancel, \d+s|Gemini CLI/u.test(screen)) return 0.6;
    return 0;
  },
  classify: classifyGemini,
};

import type { AgentDetector } from '../agent-detector.js';
import type { ObservedState } from '../agent-state.js';
import { classification } from '../classification.js';
import { detectCrash } from '../detect-crash.js';
import type { DetectorPane } from '../detector-pane.js';
import type { Classification, HealthDetail } from '../health-result.js';
import { lastNonEmptyIndex, lastNonEmptyLines, toScreenLines } from '../screen-lines.js';
import { type AiderRule, aiderRules } from './aider-rules.js';

const id = 'aider';

// io.confirm_ask: `Run shell command? (Y)es/(N)o/(D)on't ask again [Yes]: `
const confirm = /^(.*?)\(Y\)es\/\(N\)o(?:\/\(A\)ll)?(?:\/\(S\)kip all)?(?:\/\(D\)on't ask again)?\s*\[[^\]]*\]:(.*)$/u;
// io.get_input: `> `, or the edit format before it: `architect> `, `ask> `, `multi> `.
const inputPrompt = /^([\w-]+(?: [\w-]+)*)?> ?(.*)$/u;
// WaitingSpinner / streaming: `░█  Waiting for gpt-4o`.
const waiting = /\bWaiting for\b|\bUpdating repo map\b|\bScanning repo\b/u;
// base_coder send loop: the litellm error, then `Retrying in 2.0 seconds...`.
const retrying = /Retrying in ([\d.]+ seconds)/u;
const rateLimit = /RateLimitError|rate limit|\b429\b|quota/iu;
const errorLine = /\b(?:litellm\.\w*Error|APIError|APIConnectionError|AuthenticationError|ServiceUnavailableError|InternalServerError)\b/u;
const header = /^Aider v\d/u;
const tokensReport = /^Tokens: /u;

const outcomeDepth = 6;

function result(rule: AiderRule, state: ObservedState, evidence: readonly string[], detail: HealthDetail = {}): Classification {
  return classification(id, state, evidence, detail, `${id}/${rule}`);
}

function classifyAider(screen: string, pane: DetectorPane): Classification {
  const lines = toScreenLines(screen);
  const crash = detectCrash(id, pane, lines);
  if (crash !== null) return crash;
  const lastIndex = lastNonEmptyIndex(lines);
  if (lastIndex < 0) return result('empty-screen', 'unknown', [], { reason: 'the screen is empty' });
  const last = lines[lastIndex] ?? '';

  const question = confirm.exec(last);
  if (question !== null) {
    const asked = (question[1] ?? '').trim();
    return result('confirm-prompt', 'waiting_input', [last], { question: asked });
  }

  const outcome = lastNonEmptyLines(lines, outcomeDepth);
  const prompt = inputPrompt.exec(last);
  if (prompt === null) {
    const retry = outcome.findLast((line) => retrying.test(line));
    if (retry !== undefined) {
      const cause = outcome.find((line) => errorLine.test(line) || rateLimit.test(line)) ?? retry;
      const retryIn = retrying.exec(retry)?.[1];
      const state = rateLimit.test(cause) ? 'rate_limited' : 'error';
      return result('retrying', state, [cause, retry], { message: cause.trim(), ...(retryIn !== undefined ? { retryIn } : {}) });
    }
    const spinner = outcome.findLast((line) => waiting.test(line));
    if (spinner !== undefined) return result('waiting-spinner', 'active', [spinner]);
    return result('no-prompt', 'no_activity', [last]);
  }

  const failure = outcome.slice(0, -1).findLast((line) => errorLine.test(line));
  if (failure !== undefined) {
    return result('error-above-prompt', rateLimit.test(failure) ? 'rate_limited' : 'error', [failure], { message: failure.trim() });
  }
  const typed = (prompt[2] ?? '').trim();
  if (typed !== '') return result('typed-text', 'queued_message', [last], { queuedText: typed });
  const headerLine = lines.find((line) => header.test(line));
  const promptsSeen = lines.filter((line) => inputPrompt.test(line)).length;
  if (headerLine !== undefined && promptsSeen === 1 && !lines.some((line) => tokensReport.test(line))) {
    return result('fresh-header', 'fresh', [headerLine]);
  }
  return result('at-prompt', 'no_activity', [last]);
}

/** Detector for Aider (`aider`): its line-based prompts (`> `, `(Y)es/(N)o`) on the bottom line. */
export const aiderDetector: AgentDetector = {
  contractVersion: 'v1',
  id,
  matches(pane, screen) {
    if (pane.currentCommand === 'aider') return 0.9;
    if (/\baider\b/iu.test(pane.title)) return 0.8;
    if (screen !== undefined && /^Aider v\d|\(Y\)es\/\(N\)o/mu.test(screen)) return 0.6;
    return 0;
  },
  classify: classifyAider,
  rules: aiderRules,
};

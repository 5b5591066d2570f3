import type { AgentDetector } from '../agent-detector.js';
import type { ObservedState } from '../agent-state.js';
import { classification } from '../classification.js';
import { detectCrash } from '../detect-crash.js';
import type { DetectorPane } from '../detector-pane.js';
import type { Classification, HealthDetail } from '../health-result.js';
import { splitAtPromptBox } from '../prompt-box.js';
import { findPermissionPanel } from './claude-code-permission-panel.js';
import { findLastIndex, lastNonEmptyLines, toScreenLines } from '../screen-lines.js';

const id = 'claude-code';

// The status line Claude Code draws just above the prompt box, at column 0 (transcript text is
// indented or starts with `●`/`❯`). While it works, a spinner glyph,
// a verb and an ellipsis: `· Gusting… (4s · ↓ 129 tokens)`, `✽ Schlepping…`. When done, past
// tense and no ellipsis: `✻ Worked for 12s · done 3:03 PM` (not activity).
const spinnerGlyph = '[·✢✳✶✻✽*]';
const working = new RegExp(`^${spinnerGlyph}\\s+\\S[^…·]*…`, 'u');
// While API calls fail: `✻ 500 Internal server error · retrying in 4s · attempt 5/10`.
const retrying = new RegExp(`^${spinnerGlyph}\\s+(.*?)\\s*·\\s*retrying in ([\\d.]+\\s*\\w+)(?:\\s*·\\s*attempt (\\d+)(?:\\s*/\\s*(\\d+))?)?`, 'iu');
const unnamedApiError = /^API error$/iu;
const compacting = new RegExp(`^${spinnerGlyph}\\s+Compacting conversation…`, 'u');
// The footer says `esc to interrupt` while a turn runs (instead of `? for shortcuts`).
const footerInterrupt = /\besc to interrupt\b/iu;
const footerEmptyBoxHint = /\? for shortcuts|\besc to interrupt\b/u;
// Outcomes of a turn, printed in the transcript. They must start the line after Claude Code's
// `●`/`⏺`/`⎿` markers, so the same words inside an answer never match.
const marker = '^\\s*(?:[●⏺⎿]\\s*)';
// Limit notices start the line: `Claude usage limit reached. Your limit will reset at 5pm`,
// `5-hour limit reached ∙ resets 3pm`, `You've hit your limit · resets 3pm (Europe/Paris)`.
const rateLimited = new RegExp(
  `${marker}(?:API Error:.*(?:\\b429\\b|Rate limited|rate_limit)|Claude (?:AI )?usage limit reached|You've hit your\\b|[\\w-]+ limit reached\\b|You're out of (?:[\\w-]+ )?usage credits)`,
  'iu',
);
const apiError = new RegExp(
  `${marker}(?:API Error\\b|Invalid API key|Please run /login|OAuth token (?:has )?expired|Credit balance is too low)`,
  'u',
);
const resetTime = /\bresets?(?: at)? (.+?)\.?\s*(?:[·∙|]|$)/iu;
const banner = /Claude Code v\d|Welcome to Claude Code/u;
// A user turn in the transcript: `❯ text` at column 0.
const userTurn = /^❯ \S/u;
const transcriptTurn = /^\s*(?:[●⏺]\s|[>❯]\s*\S)/u;
// Text Claude Code itself puts in the empty box; not typed by anyone.
const placeholders = [/^Try "[^"]*"$/u, /^Resend your message to try again$/u, /^Press up to edit queued messages$/u, /^Once fixed, resend your message$/u];
// A message submitted while Claude Code works waits in its queue: `❯ text` then `⎿  Queued · …`.
const queuedNote = /^\s*⎿\s*Queued\b/u;

/** How many lines above the box hold the latest turn's status (status line, effort line, tips, todos). */
const statusDepth = 12;
/** How many non-blank lines above the box a queued message and its `⎿  Queued` note are looked for. */
const queuedDepth = 8;
/** How many non-blank lines above the box are the latest turn's outcome (an error, a limit). */
const outcomeDepth = 6;


/** A retry wait at least this long, with no status named, is a rate limit's retry-after. */
const rateLimitWaitSeconds = 10;

/** Seconds of a wait as Claude Code prints it: `4s`, `1m`, `1m 5s`; 0 when unreadable. */
function waitSeconds(wait: string | undefined): number {
  if (wait === undefined) return 0;
  let seconds = 0;
  for (const [, amount, unit] of wait.matchAll(/([\d.]+)\s*([hms])/gu)) {
    seconds += Number(amount) * (unit === 'h' ? 3600 : unit === 'm' ? 60 : 1);
  }
  return seconds;
}

function result(state: ObservedState, evidence: readonly string[], detail: HealthDetail = {}): Classification {
  return classification(id, state, evidence, detail);
}

/**
 * Whether the box holds text someone typed. Claude Code also writes hints into the empty box
 * (`Try "…"`, `Resend your message to try again`); while the box is empty its footer shows
 * `? for shortcuts` or `esc to interrupt`, and it drops both as soon as text is typed.
 */
function holdsTypedText(typed: string | null, footer: readonly string[]): typed is string {
  if (typed === null || typed === '' || placeholders.some((pattern) => pattern.test(typed))) return false;
  return !footer.some((line) => footerEmptyBoxHint.test(line));
}

function findQueued(above: readonly string[], typed: string | null, promptLine: string | null, footer: readonly string[]): Classification | null {
  if (holdsTypedText(typed, footer)) {
    return result('queued_message', [promptLine ?? typed], { queuedText: typed });
  }
  const recent = lastNonEmptyLines(above, queuedDepth);
  const noteIndex = findLastIndex(recent, queuedNote);
  if (noteIndex < 1) return null;
  const queuedLine = recent[noteIndex - 1] ?? '';
  return result('queued_message', [queuedLine, recent[noteIndex] ?? ''], {
    queuedText: queuedLine.replace(/^\s*❯\s*/u, '').trim(),
  });
}

function classifyClaudeCode(screen: string, pane: DetectorPane): Classification {
  const lines = toScreenLines(screen);
  const crash = detectCrash(id, pane, lines);
  if (crash !== null) return crash;
  if (lines.length === 0) return result('unknown', [], { reason: 'the screen is empty' });

  const panel = findPermissionPanel(lines);
  if (panel !== null) return result('waiting_input', [panel.question, ...panel.options], panel);

  const regions = splitAtPromptBox(lines);
  const status = regions.above.slice(-statusDepth);

  const retryLine = status.findLast((line) => retrying.test(line));
  if (retryLine !== undefined) {
    const [, message, retryIn, attempt, maxAttempts] = retrying.exec(retryLine) ?? [];
    // A 429 is drawn without its status (`✻ API error · retrying in 32s · attempt 1/10`), and
    // Claude Code honours its retry-after; other failures name their status (`500 …`, `401 …`)
    // and back off from about a second. So: no status and a long wait = rate limited.
    const limited = message !== undefined && unnamedApiError.test(message) && waitSeconds(retryIn) >= rateLimitWaitSeconds;
    return result(limited ? 'rate_limited' : 'error', [retryLine], {
      ...(limited && retryIn !== undefined ? { resetAt: `in ${retryIn}` } : {}),
      ...(message !== undefined ? { message } : {}),
      ...(retryIn !== undefined ? { retryIn } : {}),
      ...(attempt !== undefined ? { attempt: Number(attempt) } : {}),
      ...(maxAttempts !== undefined ? { maxAttempts: Number(maxAttempts) } : {}),
    });
  }
  const compactingLine = status.findLast((line) => compacting.test(line));
  if (compactingLine !== undefined) return result('compacting', [compactingLine]);

  const workingLine = status.findLast((line) => working.test(line)) ?? regions.footer.find((line) => footerInterrupt.test(line));
  const queued = findQueued(regions.above, regions.typed, regions.promptLine, regions.footer);
  // Text waiting to be sent (typed into the box, or queued while a turn runs) beats activity.
  if (workingLine !== undefined) return queued ?? result('active', [workingLine]);

  // The outcome of the LATEST turn only: an error an earlier turn hit, then resent and
  // answered, is history.
  const lastTurn = findLastIndex(regions.above, userTurn);
  const outcome = lastNonEmptyLines(regions.above.slice(Math.max(0, lastTurn)), outcomeDepth);
  const limitLine = outcome.findLast((line) => rateLimited.test(line));
  if (limitLine !== undefined) {
    const reset = resetTime.exec(limitLine)?.[1];
    const message = limitLine.trim().replace(/^[●⏺⎿]\s*/u, '');
    return result('rate_limited', [limitLine], { message, ...(reset !== undefined ? { resetAt: reset.trim() } : {}) });
  }
  const errorLine = outcome.findLast((line) => apiError.test(line));
  if (errorLine !== undefined) return result('error', [errorLine], { message: errorLine.trim().replace(/^[●⏺⎿]\s*/u, '') });

  if (regions.typed === null) {
    return result('unknown', lastNonEmptyLines(lines, 1), { reason: 'no Claude Code prompt box on the screen' });
  }
  if (queued !== null) return queued;
  const bannerLine = regions.above.find((line) => banner.test(line));
  if (bannerLine !== undefined && !regions.above.some((line) => transcriptTurn.test(line))) {
    return result('fresh', [bannerLine]);
  }
  return result('no_activity', [regions.promptLine ?? '']);
}

/**
 * Detector for Claude Code (`claude`). Activity is read ABOVE the prompt box (the status line)
 * and from the footer's `esc to interrupt`; the box tells `queued_message`; the rest of the
 * footer (`? for shortcuts`, permission mode, model lines) never decides anything.
 */
export const claudeCodeDetector: AgentDetector = {
  id,
  matches(pane, screen) {
    if (pane.currentCommand === 'claude') return 0.9;
    if (/claude code/iu.test(pane.title)) return 0.8;
    if (screen !== undefined && /Claude Code v\d|for shortcuts · ← for agents|bypass permissions on|Resume this session with:/u.test(screen)) {
      return 0.6;
    }
    return 0;
  },
  classify: classifyClaudeCode,
};

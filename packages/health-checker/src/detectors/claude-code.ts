import type { AgentDetector } from '../agent-detector.js';
import type { ObservedState } from '../agent-state.js';
import { classification } from '../classification.js';
import { detectCrash } from '../detect-crash.js';
import type { DetectorPane } from '../detector-pane.js';
import type { Classification, HealthDetail } from '../health-result.js';
import { splitAtPromptBox } from '../prompt-box.js';
import { lastNonEmptyLines, toScreenLines } from '../screen-lines.js';
import { findChoiceDialog } from './claude-code-choice-dialog.js';
import { type ClaudeCodeRule, claudeCodeRules } from './claude-code-rules.js';
import { type StatusLine, newestStatusLine } from './claude-code-status-line.js';
import { findTurnOutcome } from './claude-code-turn-outcome.js';

const id = 'claude-code';

// The footer says `esc to interrupt` while a turn runs (instead of `? for shortcuts`).
const footerInterrupt = /\besc to interrupt\b/iu;
const footerEmptyBoxHint = /\? for shortcuts|\besc to interrupt\b/u;
// The transcript view (ctrl+o) hides the box and the status line; its footer says what runs
// behind it: `dialog waiting · Showing detailed transcript · …`, `working · Showing …`.
const transcriptViewFooter = /^\s*(dialog waiting|working) · Showing detailed transcript\b/u;
const banner = /Claude Code v\d|Welcome to Claude Code/u;
const transcriptTurn = /^\s*(?:[●⏺]\s|[>❯]\s*\S)/u;
// Text Claude Code itself puts in the empty box; not typed by anyone.
const placeholders = [/^Try "[^"]*"$/u, /^Resend your message to try again$/u, /^Press up to edit queued messages$/u, /^Once fixed, resend your message$/u];
// A message submitted while Claude Code works waits in its queue: `❯ text` then `⎿  Queued · …`.
// Claude Code sends it itself when the turn ends: the agent is busy, nothing waits for Enter.
const queuedNote = /^\s*⎿\s*Queued\b/u;

// `claude`, `/usr/bin/claude`, `npx @anthropic-ai/claude-code` as a command word of the start command.
const startsClaude = /(?:^|[\s;&|(/'"])claude(?:-code)?(?=[\s;&|)'"]|$)/u;

/**
 * How many non-blank lines above the box hold the latest turn's status (status line, effort line,
 * tips, todos). Blank rows do not count: at 120x40 a short transcript ends far above the box.
 */
const statusDepth = 12;

function result(rule: ClaudeCodeRule, state: ObservedState, evidence: readonly string[], detail: HealthDetail = {}): Classification {
  return classification(id, state, evidence, detail, `${id}/${rule}`);
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

function fromStatusLine(status: StatusLine): Classification {
  switch (status.kind) {
    case 'retrying': {
      // A named status decides (`429 …` is a rate limit, `500 …`/`529 …`/`401 …` errors). The
      // first retries are drawn as `API error`, unnamed, and a 500 with a long `retry-after`
      // looks exactly like a 429 then: a retry loop is an error until the screen names a limit.
      const { line, message, retryIn, attempt, maxAttempts } = status;
      const limited = /^429\b|rate limit/iu.test(message);
      return result('api-retrying', limited ? 'rate_limited' : 'error', [line], {
        message,
        retryIn,
        ...(limited ? { resetAt: `in ${retryIn}` } : {}),
        ...(attempt !== undefined ? { attempt } : {}),
        ...(maxAttempts !== undefined ? { maxAttempts } : {}),
      });
    }
    case 'compacting':
      return result('compacting', 'compacting', [status.line]);
    case 'waiting_for_agents':
      return result('background-agents', 'active', [status.line], { background: status.background });
    case 'working':
      return result('status-working', 'active', [status.line]);
    case 'completed':
      return result('turn-completed', 'no_activity', [status.line], status.background === undefined ? {} : { background: status.background });
  }
}

function classifyClaudeCode(screen: string, pane: DetectorPane): Classification {
  const lines = toScreenLines(screen);
  const crash = detectCrash(id, pane, lines);
  if (crash !== null) return crash;
  if (lines.length === 0) return result('empty-screen', 'unknown', [], { reason: 'the screen is empty' });

  // A dialog waits for a person; nothing under it (typed text, a stale status) counts.
  const dialog = findChoiceDialog(lines);
  if (dialog !== null) return result('choice-dialog', 'waiting_input', [dialog.question, ...dialog.options], dialog);
  const behind = lines.slice(-3).find((line) => transcriptViewFooter.test(line));
  if (behind !== undefined) return result('transcript-view', transcriptViewFooter.exec(behind)?.[1] === 'working' ? 'active' : 'waiting_input', [behind]);

  const regions = splitAtPromptBox(lines);
  const status = newestStatusLine(lastNonEmptyLines(regions.above, statusDepth));
  if (status?.kind === 'retrying' || status?.kind === 'compacting') return fromStatusLine(status);
  const typed = holdsTypedText(regions.typed, regions.footer) ? regions.typed : null;
  // Text typed into the box and not sent is what the resubmit action presses Enter for, also
  // while a reply streams. A message sent while a turn runs is Claude Code's to send (`⎿ Queued`).
  const queued = typed === null ? null : result('typed-while-busy', 'queued_message', [regions.promptLine ?? typed], { queuedText: typed });
  if (status?.kind === 'working' || status?.kind === 'waiting_for_agents') return queued ?? fromStatusLine(status);
  // The footer is redrawn with every frame: `esc to interrupt` means a request is in flight.
  const interrupt = regions.footer.find((line) => footerInterrupt.test(line));
  if (interrupt !== undefined) return queued ?? result('footer-interrupt', 'active', [interrupt]);
  const queuedNoteLine = lastNonEmptyLines(regions.above, statusDepth).find((line) => queuedNote.test(line));
  if (queuedNoteLine !== undefined) return queued ?? result('queued-by-claude', 'active', [queuedNoteLine]);

  // The outcome of the LATEST turn only: an error an earlier turn hit, then resent and
  // answered, is history.
  const outcome = findTurnOutcome(regions.above);
  if (outcome !== null) return result('turn-outcome', outcome.state, [outcome.line], outcome.detail);
  if (queued !== null) return { ...queued, rule: `${id}/typed-text` };
  if (status !== null) return fromStatusLine(status);

  if (regions.typed === null) {
    return result('no-prompt-box', 'unknown', lastNonEmptyLines(lines, 1), { reason: 'no Claude Code prompt box on the screen' });
  }
  const bannerLine = regions.above.find((line) => banner.test(line));
  if (bannerLine !== undefined && !regions.above.some((line) => transcriptTurn.test(line))) {
    return result('fresh-banner', 'fresh', [bannerLine]);
  }
  return result('quiet-prompt', 'no_activity', [regions.promptLine ?? '']);
}

/**
 * Detector for Claude Code (`claude`). Activity is read ABOVE the prompt box (the status line)
 * and from the footer's `esc to interrupt`; the box tells `queued_message`; the rest of the
 * footer (`? for shortcuts`, permission mode, model lines) never decides anything.
 */
export const claudeCodeDetector: AgentDetector = {
  contractVersion: 'v1',
  id,
  matches(pane, screen) {
    if (pane.currentCommand === 'claude') return 0.9;
    if (/claude code/iu.test(pane.title)) return 0.8;
    // Started as `claude …` (or through a shell line that runs it): the agent of this pane, also
    // once it exited and a cleared shell is all that is left (then `crashed`).
    if (startsClaude.test(pane.startCommand ?? '')) return 0.7;
    if (screen !== undefined && /Claude Code v\d|for shortcuts · ← for agents|bypass permissions on|Resume this session with:/u.test(screen)) {
      return 0.6;
    }
    return 0;
  },
  classify: classifyClaudeCode,
  rules: claudeCodeRules,
  // 2.1.330 prefixes its title with `◐`/`◑` while it animates a turn (its source); `✳` otherwise —
  // also during turns when no client has the pane focused (seen live): `✳` says nothing.
  readTitle: (title) => (/^[◐◑] /u.test(title) ? 'working' : null),
};

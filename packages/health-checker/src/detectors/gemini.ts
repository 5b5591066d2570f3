import type { AgentDetector } from '../agent-detector.js';
import type { ObservedState } from '../agent-state.js';
import { classification } from '../classification.js';
import { detectCrash } from '../detect-crash.js';
import type { DetectorPane } from '../detector-pane.js';
import type { Classification, HealthDetail } from '../health-result.js';
import { findLastIndex, lastNonEmptyLines, toScreenLines } from '../screen-lines.js';
import { findGeminiComposer, type GeminiComposer } from './gemini-composer.js';
import { findGeminiDialog } from './gemini-dialogs.js';
import { type GeminiRule, geminiRules } from './gemini-rules.js';
import { geminiScreenSignature, geminiTitle, readGeminiTitle } from './gemini-signature.js';

const id = 'gemini';

// `gemini`, `/usr/local/bin/gemini`, `npx @google/gemini-cli` as a command word of the start command.
const startsGemini = /(?:^|[\s;&|(/'"])gemini(?:-cli)?(?=[\s;&|)'"]|$)/u;

const spinner = '[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]';
// LoadingIndicator: `⠏ Thinking... (esc to cancel, 12s)`, `⠹ Considering option 1 (esc to cancel, 1m 5s)`.
const loading = /\(esc to cancel, [\d.]+\s*[hms]?/iu;
// Older releases show this while a confirmation waits under the box.
const waitingConfirmation = /Waiting for user confirmation/iu;
// `/compress` draws `⠋ Compressing chat history` above the status line while it runs.
const compressing = new RegExp(`^\\s*${spinner}\\s+Compressing chat history`, 'u');
// ErrorMessage: `✕ [API Error: …]`, `✕ …`; limit wording of the CLI's quota messages.
const errorLine = /^[│\s]*✕(.*)$/u;
const notice = /^[│\s]*⚡/u;
const quota = /\b429\b|RESOURCE_EXHAUSTED|\bquota\b|rate limit|Usage limit reached/iu;
// A user turn in the transcript: ` > text` (0.61) or `│ >  text │` (the boxed transcript of earlier releases).
const userTurn = /^\s*(?:│\s*)?>\s+\S/u;
const replyMark = /^[│\s]*✦\s/u;
// A prompt submitted while the CLI works (or still initialises) waits in its queue above the
// status line: `Queued (press ↑ to edit):` and the text. It runs by itself: the agent is busy.
const queuedNote = /^\s*Queued \(press ↑ to edit\):/u;

// A numbered option of a dialog: `● 1. Allow once`, `│   2. Stop │`.
// (Inside a box or marked as selected: the numbered tips of the start screen are neither.)
const radioOption = /^\s*(?:│\s*(?:[●◯○›>]\s*)?|[●◯○›>]\s*)\d+\.\s+\S/u;
/** How many non-blank lines at the bottom an unknown dialog's options are looked for in. */
const dialogTail = 6;
/** How many non-blank lines above the composer are the latest turn's outcome (spinner, notices). */
const statusDepth = 4;
/** How many non-blank lines above the composer a queued prompt (note and its text) may take. */
const queuedDepth = 8;

function result(rule: GeminiRule, state: ObservedState, evidence: readonly string[], detail: HealthDetail = {}): Classification {
  return classification(id, state, evidence, detail, `${id}/${rule}`);
}

// What a started CLI shows above its composer before any prompt: the logo with version and auth
// lines, the tips, startup warnings (`⚠  Warning: …` and their 3-space continuation).
const startLines = [
  /^\s*[▝▜▄▗▟▀▖▘▙▛▞▚▐▌█░▒▓]/u,
  /Gemini CLI v\d|Authenticated with|Logged in with|Tips for getting started/u,
  /^\d+\.\s/u,
  /^\s*⚠\s/u,
  /^ {3}\S/u,
];

/** Nothing but the start screen above the composer: no prompt, reply, tool or error yet. */
function isStartScreen(composer: GeminiComposer): boolean {
  return composer.above.every(
    (line) => line.trim() === '' || line.trim() === composer.statusLine || (!userTurn.test(line) && !replyMark.test(line) && startLines.some((start) => start.test(line))),
  );
}

/** The lines of the latest turn: after the last user turn above the composer (the whole region when it scrolled away). */
function latestTurn(above: readonly string[]): readonly string[] {
  return above.slice(findLastIndex(above, userTurn) + 1);
}

/** The latest turn's error, as `error` or (a quota or limit) `rate_limited`. */
function turnError(turn: readonly string[]): Classification | null {
  const index = findLastIndex(turn, (line) => errorLine.test(line) || (notice.test(line) && quota.test(line)));
  if (index < 0) return null;
  // A long error wraps; the limit words may be on a continuation line.
  const block = turn.slice(index, index + 6).filter((line) => line.trim() !== '' && !/^\s*ℹ/u.test(line));
  const line = turn[index] ?? '';
  const message = (errorLine.exec(line)?.[1] ?? line).trim();
  return result('turn-error', quota.test(block.join(' ')) ? 'rate_limited' : 'error', [line], { message });
}

/**
 * A screen with neither composer nor known dialog. Ink erases the live area (status line,
 * composer, footer) and redraws it after the transcript grew: a capture in between shows the
 * transcript over blank rows. That is a moment of a running CLI, so no activity sign (the tracker
 * decides by the screen changing); numbered options at the bottom are a dialog this detector does
 * not know, which it cannot call.
 */
function withoutComposer(lines: readonly string[]): Classification {
  const bottom = lastNonEmptyLines(lines, dialogTail);
  if (bottom.some((line) => radioOption.test(line))) {
    return result('unknown-dialog', 'unknown', bottom.slice(-1), { reason: 'a Gemini CLI dialog this detector does not know' });
  }
  return result('redrawing', 'no_activity', bottom.slice(-1), { reason: 'no input line drawn: the CLI is redrawing' });
}

function classifyGemini(screen: string, pane: DetectorPane): Classification {
  const lines = toScreenLines(screen);
  const crash = detectCrash(id, pane, lines);
  if (crash !== null) return crash;
  // Ink clears the whole screen before its first full render (after the CLI initialised, on a
  // resize): a blank capture of a running CLI is a moment, not a verdict.
  if (lines.length === 0) return result('empty-screen', 'no_activity', [], { reason: 'the screen is empty: the CLI is redrawing' });

  const composer = findGeminiComposer(lines);
  // Dialogs replace the composer; with a composer drawn, a dialog on screen is history.
  const dialog = composer === null || composer.statusLine === null ? findGeminiDialog(lines) : null;
  if (dialog !== null) return dialog;
  if (composer === null) return withoutComposer(lines);

  const status = lastNonEmptyLines(composer.above, statusDepth);
  const waiting = status.findLast((line) => waitingConfirmation.test(line));
  if (waiting !== undefined) return result('waiting-confirmation', 'waiting_input', [waiting], { question: waiting.trim() });
  // Typed and not sent, also while a turn runs: what the resubmit action is for.
  if (composer.typed !== '') return result('typed-text', 'queued_message', [composer.promptLine], { queuedText: composer.typed });
  const working = status.findLast((line) => loading.test(line));
  if (working !== undefined) return result('loading-indicator', 'active', [working]);
  const compacting = status.findLast((line) => compressing.test(line));
  if (compacting !== undefined) return result('compressing', 'compacting', [compacting]);
  const queued = lastNonEmptyLines(composer.above, queuedDepth).find((line) => queuedNote.test(line));
  if (queued !== undefined) return result('queued-by-gemini', 'active', [queued]);

  const turn = latestTurn(composer.above);
  const failed = turnError(turn);
  if (failed !== null) return failed;

  if (isStartScreen(composer)) return result('fresh-start-screen', 'fresh', [composer.promptLine]);
  return result('quiet-composer', 'no_activity', [composer.promptLine]);
}

/** Detector for Gemini CLI (`gemini`, runs as `node`): its composer, loading indicator, dialogs and errors. */
export const geminiDetector: AgentDetector = {
  contractVersion: 'v1',
  id,
  matches(pane, screen) {
    if (pane.currentCommand === 'gemini') return 0.9;
    if (geminiTitle(pane.title)) return 0.8;
    // Started as `gemini …`: the agent of this pane, also once it exited and a cleared shell is
    // all that is left (then `crashed`).
    if (startsGemini.test(pane.startCommand ?? '')) return 0.7;
    if (screen === undefined) return 0;
    // Its flat composer at the bottom is the live UI; a signature word higher up may be conversation
    // text (a Codex or Claude Code pane talking about Gemini CLI), so it weighs less.
    if (!geminiScreenSignature(screen)) return 0;
    const composer = findGeminiComposer(toScreenLines(screen));
    return composer !== null && composer.statusLine !== null ? 0.7 : 0.6;
  },
  classify: classifyGemini,
  rules: geminiRules,
  readTitle: readGeminiTitle,
};

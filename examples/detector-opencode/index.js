// A tmux-orc detector for opencode (npm `opencode-ai`), proven on opencode 1.18.33's real screens.
import { readDetectorOptions } from '@tmux-orc/detector-kit';
import { blockText, completedFooter, errorAbove, inputBox, lastFooter, retrying, screenLines, shellPrompt, spinner } from './screen-parts.js';

const id = 'opencode';
const rateLimit = /rate.?limit|exceed the rate|too many requests|usage limit|\b429\b|quota/iu;
const logo = /█▀▀█ █▀▀█ █▀▀█ █▀▀▄/u;
const shells = new Set(['sh', 'bash', 'zsh', 'fish', 'dash', 'ksh']);

const result = (state, evidence, detail = {}) => ({ state, detector: id, detail, evidence: evidence.map((l) => l.trim()).filter((l) => l !== '') });

/** A permission dialog: `△ Permission required`, the tool's title, and its choices. */
function permission(lines) {
  const at = lines.findLastIndex((line) => /△ Permission required/u.test(line));
  if (at < 0 || !lines.slice(at).some((line) => /Allow once/u.test(line))) return null;
  const question = lines.slice(at + 1).map(blockText).find((t) => t !== null && t !== '') ?? 'Permission required';
  const choices = lines.slice(at).find((line) => /Allow once/u.test(line)) ?? '';
  const options = ['Allow once', 'Allow always', 'Reject'].filter((o) => choices.includes(o));
  return result('waiting_input', [lines[at], question], { question: question.replace(/^#\s*/u, ''), options });
}

function classify(screen, pane) {
  if (pane.dead) return result('crashed', [`pane is dead (exit status ${pane.deadStatus ?? 'unknown'})`], { exitStatus: pane.deadStatus, currentCommand: pane.currentCommand });
  const { lines, last } = screenLines(screen);
  if (last < 0) return result('unknown', [], { reason: 'the screen is empty' });
  const bottom = lines[last];
  const dialog = permission(lines);
  if (dialog !== null) return dialog;
  // The status line is the last line but for a few: a long one can spill `esc interrupt` down the right edge.
  const statusLine = lines.slice(-8).findLast((line) => spinner.test(line));
  const working = statusLine === undefined ? null : spinner.exec(statusLine);
  if (working !== null) {
    const line = statusLine ?? bottom;
    const status = working[1] ?? '';
    const retry = retrying.exec(status);
    // A retried request puts the API's message where `esc interrupt` stands (or before it).
    if (retry === null && /^esc interrupt/u.test(status.trim())) return result('active', [line]);
    const message = status.replace(/\s*(\[retrying.*|esc interrupt.*)$/u, '').trim();
    const detail = { message, ...(retry?.[1] ? { retryIn: retry[1].replace(/\s+/gu, '') } : {}), ...(retry?.[2] ? { attempt: Number(retry[2]) } : {}) };
    // On a narrow pane opencode cuts the message before it names a rate limit: then it is an error, retrying.
    return result(rateLimit.test(status) ? 'rate_limited' : 'error', [line], detail);
  }
  const box = inputBox(lines);
  if (box === null) {
    // No input box and no dialog: opencode has left; a shell prompt at the bottom says so.
    if (shellPrompt.test(bottom.trim()) && (shells.has(pane.currentCommand) || lines.some((l) => /Continue\s+opencode/u.test(l)))) {
      return result('crashed', [bottom], { exitStatus: null, currentCommand: pane.currentCommand });
    }
    return result('unknown', [bottom], { reason: 'no opencode input box, dialog or status line on screen', currentCommand: pane.currentCommand });
  }
  const footer = lastFooter(lines, box.top);
  const typed = box.text.filter((t) => !/^Ask anything…/u.test(t));
  if (typed.length > 0) return result('queued_message', typed, { queuedText: typed.join('\n') });
  const error = errorAbove(lines, footer);
  if (error !== null) return result('error', error, { message: error.join(' ') });
  if (footer < 0 && lines.slice(0, box.top).some((l) => logo.test(l))) return result('fresh', box.text.length > 0 ? box.text : [box.modeLine]);
  return result('no_activity', footer >= 0 ? [lines[footer]] : [box.modeLine], footer >= 0 && !completedFooter.test(lines[footer]) ? { reason: 'the last turn ended without completing (interrupted)' } : {});
}

/**
 * The plugin's factory (contract v1). Options: `commands`, the pane commands that mean opencode
 * (default `['opencode']`; opencode 1.18 often shows as `bash` or `sh`, so its title and screen decide too).
 */
export function createDetector(options = {}) {
  const read = readDetectorOptions(id, options);
  const commands = read.strings('commands', ['opencode']);
  read.rejectUnknown();
  return {
    contractVersion: 'v1',
    id,
    description: 'opencode (npm opencode-ai) TUI',
    provenVersions: ['1.18.33'],
    matches(pane, screen) {
      if (commands.includes(pane.currentCommand)) return 0.9;
      if (/^(OpenCode$|OC \| )/u.test(pane.title)) return 0.85;
      if (screen === undefined) return 0;
      const { lines } = screenLines(screen);
      // Its input box's bottom edge, right under it the status line (`ctrl+p commands`, or the working squares).
      const edge = lines.findLastIndex((l) => /^\s*╹▀{8,}/u.test(l));
      const below = edge < 0 ? [] : lines.slice(edge + 1, edge + 3);
      if (below.some((l) => /ctrl\+p commands/u.test(l) || spinner.test(l))) return 0.8;
      return lines.some((l) => /Continue\s+opencode -s /u.test(l)) ? 0.6 : 0;
    },
    classify,
  };
}

export default createDetector;

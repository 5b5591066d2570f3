// The status line Claude Code draws at column 0 just above its prompt box (transcript text is
// indented or starts with `●`/`❯`): a spinner glyph, then what the turn is doing or did.
const spinnerGlyph = '[·✢✳✶✻✽*]';
// While it works, a verb and an ellipsis: `· Gusting… (4s · ↓ 129 tokens)`, `✽ Schlepping…`.
const working = new RegExp(`^${spinnerGlyph}\\s+\\S[^…·]*…`, 'u');
// While API calls fail: `✻ 500 Internal server error · retrying in 4s · attempt 5/10`.
const retrying = new RegExp(
  `^${spinnerGlyph}\\s+(.*?)\\s*·\\s*retrying in ([\\d.]+\\s*\\w+)(?:\\s*·\\s*attempt (\\d+)(?:\\s*/\\s*(\\d+))?)?`,
  'iu',
);
const compacting = new RegExp(`^${spinnerGlyph}\\s+Compacting conversation…`, 'u');
// A finished turn: a past-tense verb and its duration, `✻ Worked for 12s · done 3:03 PM`,
// `✻ Cooked for 3m 1s`, `✻ Sautéed for 1s`; background shells are named after it:
// `✻ Baked for 4s · done 5:16 AM · 1 shell still running`.
const completed = new RegExp(`^${spinnerGlyph}\\s+\\p{L}+ for \\d+(?:\\.\\d+)?\\s*[hms]\\b`, 'u');
const shellsRunning = /\b(\d+ (?:background )?(?:shells?|tasks?) still running)\b/u;
// The turn is over but Claude Code holds it open for background agents it started, and resumes
// it when they report back: `✻ Waiting for 1 background agent to finish`.
const waitingForAgents = new RegExp(`^${spinnerGlyph}\\s+(Waiting for \\d+ background agents? to finish)`, 'u');

/** What the newest status line above the box says. */
export type StatusLine =
  | { readonly kind: 'working'; readonly line: string }
  | { readonly kind: 'compacting'; readonly line: string }
  | { readonly kind: 'waiting_for_agents'; readonly line: string; readonly background: string }
  | { readonly kind: 'completed'; readonly line: string; readonly background?: string }
  | {
      readonly kind: 'retrying';
      readonly line: string;
      readonly message: string;
      readonly retryIn: string;
      readonly attempt?: number;
      readonly maxAttempts?: number;
    };

/** Reads one line as a status line, or null when it is none. */
export function readStatusLine(line: string): StatusLine | null {
  const retry = retrying.exec(line);
  if (retry !== null) {
    const [, message = '', retryIn = '', attempt, maxAttempts] = retry;
    return {
      kind: 'retrying',
      line,
      message,
      retryIn,
      ...(attempt !== undefined ? { attempt: Number(attempt) } : {}),
      ...(maxAttempts !== undefined ? { maxAttempts: Number(maxAttempts) } : {}),
    };
  }
  if (compacting.test(line)) return { kind: 'compacting', line };
  const agents = waitingForAgents.exec(line);
  if (agents?.[1] !== undefined) return { kind: 'waiting_for_agents', line, background: agents[1] };
  if (completed.test(line)) {
    const shells = shellsRunning.exec(line)?.[1];
    return { kind: 'completed', line, ...(shells !== undefined ? { background: shells } : {}) };
  }
  if (working.test(line)) return { kind: 'working', line };
  return null;
}

/**
 * The NEWEST status line among `lines` (the lines just above the box). An older spinner left in
 * the scrollback above a finished turn's `✻ Cooked for 3m 1s` is history: the newest line wins.
 */
export function newestStatusLine(lines: readonly string[]): StatusLine | null {
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const status = readStatusLine(lines[i] ?? '');
    if (status !== null) return status;
  }
  return null;
}

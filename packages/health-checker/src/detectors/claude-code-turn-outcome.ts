import type { HealthDetail } from '../health-result.js';
import { findLastIndex } from '../screen-lines.js';
import { ownLinesOfLatestTurn } from './claude-code-transcript.js';

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
// What follows an outcome in the same turn and makes it history: an answer.
const laterTurnOutput = /^[●⏺] /u;
const resetTime = /\bresets?(?: at)? ([^·∙|]+)/iu;

/** How the latest turn ended, as Claude Code wrote it: an API error or a limit. */
export interface TurnOutcome {
  readonly state: 'error' | 'rate_limited';
  /** The line that says so, as drawn. */
  readonly line: string;
  readonly detail: HealthDetail;
}

/**
 * The latest turn's outcome written by Claude Code itself (never a tool's output quoting one),
 * if nothing was answered after it; null otherwise. An error an earlier turn hit is history.
 */
export function findTurnOutcome(above: readonly string[]): TurnOutcome | null {
  const own = ownLinesOfLatestTurn(above);
  const index = findLastIndex(own, (line) => rateLimited.test(line) || apiError.test(line));
  const line = own[index];
  if (line === undefined || own.slice(index + 1).some((later) => laterTurnOutput.test(later))) return null;
  const message = line.trim().replace(/^[●⏺⎿]\s*/u, '');
  if (!rateLimited.test(line)) return { state: 'error', line, detail: { message } };
  const reset = resetTime.exec(line)?.[1];
  return { state: 'rate_limited', line, detail: { message, ...(reset !== undefined ? { resetAt: reset.trim().replace(/\.$/u, '') } : {}) } };
}

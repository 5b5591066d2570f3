import { findLastIndex } from '../screen-lines.js';

// A user turn in the transcript: `❯ text` at column 0.
const userTurn = /^❯ \S/u;
// Every block of the transcript starts at column 0: a user turn, an assistant message or tool
// call (`● …`), or a status line (a spinner glyph).
const blockHead = /^(?:❯ \S|[●⏺] |[·✢✳✶✻✽*] \S)/u;
// A tool call (`● Bash(ls)`, `● Agent(Slow helper)`, `● server - tool (MCP)(…)`) and the
// collapsed tool groups of 2.x (`  Ran 1 shell command`, `  Read 2 files`); what follows them up
// to the next block is the tool's output.
const toolHead = /^(?:[●⏺] [\w.:-]+(?: - [^(]+)?\(|\s{1,3}(?:Ran|Did not run|Read|Searched|Listed|Wrote|Edited|Updated|Fetched) \d)/u;

/** Index of the latest user turn in `lines`, or -1 when it scrolled away. */
export function latestUserTurn(lines: readonly string[]): number {
  return findLastIndex(lines, userTurn);
}

/**
 * The lines of the LATEST turn (from its `❯ ` user line on; the whole region when it scrolled
 * away) that Claude Code wrote itself: user line, assistant messages, its notes under them
 * (`⎿  Invalid API key`, `⎿  Queued …`), status lines. Tool output (everything under a tool
 * call, such as a `⎿  API Error: 401` a Bash command printed) is left out, and so are lines
 * whose block scrolled away (their owner cannot be told).
 */
export function ownLinesOfLatestTurn(above: readonly string[]): string[] {
  const from = Math.max(0, latestUserTurn(above));
  const own: string[] = [];
  let inOwnBlock = false;
  for (const line of above.slice(from)) {
    if (blockHead.test(line) || toolHead.test(line)) inOwnBlock = !toolHead.test(line);
    if (inOwnBlock && line.trim() !== '') own.push(line);
  }
  return own;
}

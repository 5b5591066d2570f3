// Derives the layout fixtures of this directory from real Claude Code 2.1.330 screens
// (../claude-code-2.1.330/): the real screen keeps its banner, box, footer and size; only the
// transcript lines named in README.md are replaced. Run: node derive-layouts.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const real = (name) => readFileSync(new URL(`../claude-code-2.1.330/${name}.txt`, import.meta.url), 'utf8');
const rows = (screen) => screen.split('\n');

/** Replaces `count` lines from the first line matching `from` with `lines`, keeping the screen's height. */
function replaceLines(screen, from, count, lines) {
  const all = rows(screen);
  const at = all.findIndex((line) => from.test(line));
  if (at < 0) throw new Error(`Expected a line matching ${from}, got none`);
  all.splice(at, count, ...lines);
  // Keep the height: take blank rows out above the box (or add them), or scroll, as the terminal would.
  const height = rows(screen).length;
  while (all.length > height) {
    const blank = all.findLastIndex((line, i) => i > at + lines.length - 1 && line.trim() === '');
    // No blank row left: the screen scrolls, its top row goes.
    all.splice(blank < 0 ? 0 : blank, 1);
  }
  while (all.length < height) all.splice(at + lines.length, 0, '');
  return all.join('\n');
}

/** Replaces the box, its rules and the footer (the last `boxRows` rows) by a dialog. */
function replaceBottom(screen, boxRows, lines) {
  const all = rows(screen);
  const kept = all.slice(0, all.length - boxRows - lines.length);
  return [...kept, ...lines].join('\n');
}

const cases = [];
for (const size of ['120x40', '80x24']) {
  const idle = real(`idle-replied-${size}`);
  const longIdle = real(`idle-long-reply-${size}`);
  cases.push({
    file: `idle-stale-spinner-above-answer-${size}`,
    state: 'idle',
    from: `idle-replied-${size}`,
    description: 'a spinner line left in the scrollback above the answer, and the completion line `✻ Cooked for 3m 1s` below it (issue 20, class 1)',
    screen: replaceLines(idle, /^● Hello from the fake API/u, 3, ['✶ Percolating… (3m 0s · ↓ 2.1k tokens)', '', '● Hello from the fake API. Done.', '', '✻ Cooked for 3m 1s']),
  });
  cases.push({
    file: `idle-accented-completion-${size}`,
    state: 'idle',
    from: `idle-long-reply-${size}`,
    description: 'an accented completion verb (`✻ Sautéed for 6m 2s`) after a long reply whose spinner line stayed in the scrollback',
    screen: replaceLines(longIdle, /^✻ /u, 1, ['✢ Sautéing… (6m 1s · ↑ 4.3k tokens)', '  step 41 of 41.', '✻ Sautéed for 6m 2s']),
  });
  cases.push({
    file: `idle-tool-output-quotes-api-error-${size}`,
    state: 'idle',
    from: `idle-replied-${size}`,
    description: "a Bash tool result (`⎿` block under `● Bash(…)`) printing another session's `API Error: 401`, then the answer and the completion line (issue 20, class 5)",
    screen: replaceLines(idle, /^● Hello from the fake API/u, 1, [
      '● Bash(tail -3 ../other-session.log)',
      '  ⎿  API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
      '     API Error: Request rejected (429) · Rate limited',
      '     Please run /login',
      '',
      '● The other session failed to authenticate; this one is fine.',
    ]),
  });
  cases.push({
    file: `idle-tool-output-quotes-api-error-last-${size}`,
    state: 'idle',
    from: `idle-replied-${size}`,
    description: 'the same tool result as the last thing of the turn (the answer and the completion line scrolled nothing: there are none)',
    screen: replaceLines(idle, /^● Hello from the fake API/u, 3, [
      '● Bash(tail -2 ../other-session.log)',
      '  ⎿  API Error: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
      '     API Error: Request rejected (429) · Rate limited',
    ]),
  });
  const boxRows = 4; // top rule, `❯` line, bottom rule, footer
  cases.push({
    file: `waiting_input-chrome-navigate-${size}`,
    state: 'waiting_input',
    from: `idle-replied-${size}`,
    description: 'the Claude in Chrome permission panel: a statement, no question mark; `❯ 1. Allow` / `2. Deny (esc)` (issue 20, class 4)',
    screen: replaceBottom(idle, boxRows, [
      '─'.repeat(Number(size.split('x')[0])),
      ' Claude in Chrome wants to navigate to https://example.com/login',
      '',
      ' ❯ 1. Allow',
      '   2. Allow for this site',
      '   3. Deny (esc)',
      '',
    ]),
  });
  cases.push({
    file: `waiting_input-ascii-choice-${size}`,
    state: 'waiting_input',
    from: `idle-replied-${size}`,
    description: 'a permission panel drawn in ASCII (`> 1.` for the selected option, as on terminals without the `❯` glyph)',
    screen: replaceBottom(idle, boxRows, [
      '-'.repeat(Number(size.split('x')[0])),
      ' Bash command',
      '',
      '   rm -rf ./build-output',
      '   Remove the build output',
      '',
      ' Do you want to proceed?',
      ' > 1. Yes',
      '   2. No, and tell Claude what to do differently (esc)',
      '',
    ]),
  });
}

for (const c of cases) {
  const [cols, rowsCount] = c.file.split('-').at(-1).split('x').map(Number);
  writeFileSync(new URL(`${c.file}.txt`, import.meta.url), c.screen);
  const meta = {
    claudeCodeVersion: '2.1.330',
    state: c.state,
    case: c.file.replace(/^[a-z_]+-/u, '').replace(/-\d+x\d+$/u, ''),
    description: c.description,
    derivedFrom: `../claude-code-2.1.330/${c.from}.txt`,
    cols,
    rows: rowsCount,
    paneTitle: '✳ Claude Code',
    paneCurrentCommand: 'claude',
    paneDead: false,
    paneDeadStatus: null,
  };
  writeFileSync(new URL(`${c.file}.json`, import.meta.url), `${JSON.stringify(meta, null, 2)}\n`);
}
process.stdout.write(`${cases.length} layout fixtures written\n`);

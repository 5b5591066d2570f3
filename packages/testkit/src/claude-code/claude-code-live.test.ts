import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAnthropic, startFakeAnthropic } from '../fake-anthropic/start-fake-anthropic.js';
import { createTmuxSandbox, type TmuxSandbox } from '@tmux-orc/sim-fleet';
import { findClaudeCodeBinary } from './claude-code-binary.js';
import type { PaneInfo } from './pane-info.js';
import { BUSY, READY, type ScreenCase, screenCases } from './screen-cases.js';
import { startClaudeCode } from './start-claude-code.js';

// TMUX_ORC_CLAUDE_CODE_BINARY points the test at another Claude Code executable (a global install, a newer version).
const overridePath = process.env['TMUX_ORC_CLAUDE_CODE_BINARY'];
const lookup = await findClaudeCodeBinary(overridePath === undefined ? {} : { path: overridePath });
if (!lookup.ok) console.warn(`Skipping the live Claude Code tests: ${lookup.reason}`);

/** What a user sees in each state, checked on the real screen (and tmux's view of the pane). */
const expectations: Record<string, (screen: string, info: PaneInfo) => void> = {
  'fresh-started': (screen) => {
    expect(screen).toMatch(/Claude Code v\d+\.\d+\.\d+/);
    expect(screen).toMatch(READY);
    expect(screen).not.toMatch(/^● /m);
  },
  'active-streaming': (screen) => {
    expect(screen).toMatch(BUSY);
    expect(screen).toMatch(/… \(\d+s · ↓ \d+ tokens\)/);
    expect(screen).toContain('Working through step 1 of 160.');
  },
  'idle-replied': (screen, info) => {
    expect(screen).toContain('● Hello from the fake API. Done.');
    expect(screen).not.toMatch(BUSY);
    expect(info.currentCommand).toBe('claude');
  },
  'waiting_input-bash-approval': (screen) => {
    expect(screen).toContain('Do you want to proceed?');
    expect(screen).toContain('rm -rf ./build-output && echo cleaned');
    expect(screen).toMatch(/❯ 1\. Yes/);
  },
  'waiting_input-write-approval': (screen) => {
    expect(screen).toContain('Do you want to create tmux-orc-fake-notes.txt?');
  },
  'queued_message-typed-not-sent': (screen) => {
    expect(screen).toMatch(/^❯\u00a0fix the failing tests please/m);
    expect(screen).not.toMatch(READY);
  },
  'error-http500-retrying': (screen) => {
    expect(screen).toMatch(/500 Internal server error · retrying in \d+s · attempt 3\/10/);
  },
  'error-http429-first-retry': (screen) => {
    // The fake sends retry-after: 30; Claude Code waits that long instead of its short backoff.
    const seconds = Number(/API error · retrying in (\d+)s/.exec(screen)?.[1]);
    expect(seconds).toBeGreaterThan(10);
  },
  'compacting-compact': (screen) => {
    expect(screen).toMatch(/Compacting conversation…/);
  },
  'crashed-exited-to-shell': (screen, info) => {
    expect(screen).toContain('Resume this session with:');
    expect(info.currentCommand).toBe('sh');
  },
  'idle-bypass-permissions-tool-ran': (screen) => {
    // With permissions bypassed the Bash call runs without a question, and the turn finishes.
    expect(screen).toContain('● The tool ran. Done.');
    expect(screen).not.toContain('Do you want to proceed?');
    expect(screen).toMatch(/bypass permissions on \(shift\+tab to cycle\)/);
  },
  'crashed-pane-dead': (_screen, info) => {
    expect(info.dead).toBe(true);
    expect(info.deadStatus).toBe(0);
  },
};

const liveCases = screenCases.filter((c) => `${c.state}-${c.name}` in expectations);
const sizes = [
  { cols: 120, rows: 40 },
  { cols: 80, rows: 24 },
] as const;

describe.skipIf(!lookup.ok).concurrent.each(sizes)('the real Claude Code at $cols x $rows against the fake API', ({ cols, rows }) => {
  let sandbox: TmuxSandbox | undefined;
  let api: FakeAnthropic | undefined;

  beforeAll(async () => {
    sandbox = await createTmuxSandbox({ width: cols, height: rows });
    api = await startFakeAnthropic();
  });

  afterAll(async () => {
    await sandbox?.kill();
    await api?.close();
  });

  it.concurrent.each(liveCases.map((c): [string, ScreenCase] => [`${c.state}-${c.name}`, c]))('shows %s', async (key, screenCase) => {
    if (sandbox === undefined || api === undefined || !lookup.ok) throw new Error('Expected the sandbox and the fake API to be running');
    await using pane = await startClaudeCode(sandbox, {
      binary: lookup.binary,
      session: key,
      width: cols,
      height: rows,
      apiUrl: api.url,
      ...screenCase.start,
    });
    const screen = await screenCase.drive({ pane, sandbox });
    expectations[key]?.(screen, await pane.info());
    // Claude Code needed nothing from the API beyond what the fake knows.
    expect(api.requests.filter((r) => r.scenario === 'unknown-path').map((r) => r.url)).toEqual([]);
  }, 60_000);
});

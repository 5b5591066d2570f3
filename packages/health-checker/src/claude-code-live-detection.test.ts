import {
  type FakeAnthropic,
  type ScreenCase,
  type TmuxSandbox,
  createTmuxSandbox,
  findClaudeCodeBinary,
  screenCases,
  startFakeAnthropic,
} from '@tmux-orc/testkit';
import { createTmuxConnectionPool, type TmuxConnectionPool } from '@tmux-orc/tmux-pool';
import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncHealthChecker } from './async-health-checker.js';
import { systemMonotonicClock } from '@tmux-orc/clock';
import { HealthChecker } from './health-checker.js';
import type { LiveCase } from './__fixtures__/live/live-expectations.js';
import { type PaneWatch, startPaneWatch } from './__fixtures__/live/pane-watch.js';
import { runLiveCase } from './__fixtures__/live/run-live-case.js';
import { recordScreens } from './__fixtures__/live/screen-recorder.js';

/**
 * The health checker on LIVE screens of the real Claude Code CLI (testkit's harness: the native
 * binary in a tmux sandbox, talking to the fake Anthropic API), at 120x40 and 80x24. Each case is
 * driven by testkit's `screenCases` driver; a watch checks every pane every 300 ms through a real
 * control-mode pool (`list-panes -a`, then `checkMany`), with a 1.5 s debounce and the real clock.
 * Every pane must first be `fresh`, and no pane of a running Claude Code may ever be `crashed` or
 * `unknown`.
 */
const overridePath = process.env['TMUX_ORC_CLAUDE_CODE_BINARY'];
const lookup = await findClaudeCodeBinary(overridePath === undefined ? {} : { path: overridePath });
if (!lookup.ok) console.warn(`Skipping the live Claude Code detection tests: ${lookup.reason}`);

// TMUX_ORC_LIVE_LOG=1 prints every case's observations, also when it passes.
const printObservations = process.env['TMUX_ORC_LIVE_LOG'] === '1';

const debounceMs = 1_500;
const intervalMs = 300;
/** Claude Code panes starting or running at once, over both sizes (2 cores here). */
const panesAtOnce = 10;

const liveCases: readonly LiveCase[] = [
  { key: 'fresh-started', expect: { kind: 'reaches', state: 'fresh', holds: true } },
  // An agent at work is never idle or crashed, checked every cycle for two debounce windows.
  { key: 'active-streaming', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  { key: 'active-thinking', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  { key: 'active-waiting-for-first-token', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  { key: 'active-alarming-text', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle', 'error'] },
  { key: 'idle-replied', expect: { kind: 'idle' } },
  { key: 'idle-alarming-text', expect: { kind: 'idle' }, never: ['error'] },
  // An API error of an earlier turn stays on screen above the answered one: history, not an error.
  { key: 'idle-after-error', expect: { kind: 'idle' } },
  {
    key: 'waiting_input-bash-approval',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Do you want to proceed?', options: expect.arrayContaining(['1. Yes']) } },
  },
  {
    key: 'waiting_input-write-approval',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Do you want to create tmux-orc-fake-notes.txt?' } },
  },
  {
    key: 'queued_message-typed-not-sent',
    expect: { kind: 'reaches', state: 'queued_message', holds: true, detail: { queuedText: 'fix the failing tests please' } },
  },
  {
    key: 'queued_message-typed-while-active',
    expect: { kind: 'reaches', state: 'queued_message', holds: true, detail: { queuedText: 'then run the tests' } },
  },
  {
    key: 'error-http500-retrying',
    expect: { kind: 'reaches', state: 'error', detail: { message: expect.stringMatching(/^500 /u), attempt: expect.any(Number), maxAttempts: 10 } },
  },
  {
    key: 'error-http529-retrying',
    expect: { kind: 'reaches', state: 'error', detail: { message: expect.stringMatching(/^529 /u), attempt: expect.any(Number), maxAttempts: 10 } },
  },
  {
    key: 'error-http401-gave-up',
    expect: { kind: 'reaches', state: 'error', holds: true, detail: { message: expect.stringMatching(/Invalid API key/u) } },
  },
  // The first retries of a 429 and of a 500 with a retry-after look the same: a retry loop (error).
  {
    key: 'error-http429-first-retry',
    expect: { kind: 'reaches', state: 'error', holds: true, detail: { message: 'API error', retryIn: expect.stringMatching(/^\d+s$/u), attempt: 1 } },
    never: ['rate_limited'],
  },
  {
    key: 'error-http500-retry-after',
    expect: { kind: 'reaches', state: 'error', holds: true, detail: { message: 'API error', attempt: 1 } },
    never: ['rate_limited'],
  },
  {
    key: 'rate_limited-http429-named-retry',
    expect: { kind: 'reaches', state: 'rate_limited', detail: { message: expect.stringMatching(/^429 /u), resetAt: expect.stringMatching(/^in \d+s$/u), attempt: 3 } },
  },
  {
    key: 'rate_limited-http429-unified',
    expect: { kind: 'reaches', state: 'rate_limited', holds: true, detail: { message: expect.stringMatching(/429/u) } },
  },
  { key: 'compacting-compact', expect: { kind: 'reaches', state: 'compacting' } },
  // A message sent while Claude Code works is queued by Claude Code itself: the agent is busy, and
  // the resubmit action must have nothing to press Enter for. (Before Enter, and while a prompt is
  // typed before any case's Enter, the text in the box is rightly queued_message; `holds` checks
  // every observation after the driver saw the state.)
  { key: 'active-submitted-while-active', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  // Dialogs besides tool approvals (issue 15): each waits for a person, at every cycle.
  {
    key: 'waiting_input-ask-user-question',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Which database should the service use?' } },
  },
  { key: 'waiting_input-exit-plan-mode', expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Exit plan mode?' } } },
  { key: 'waiting_input-approval-behind-transcript', expect: { kind: 'reaches', state: 'waiting_input', holds: true } },
  // First-run dialogs: unnumbered options (`❯ No (recommended)`), the keys `Enter to confirm · Esc to cancel`.
  {
    key: 'waiting_input-api-key-dialog',
    from: 'start',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Do you want to use this API key?', options: ['Yes', 'No (recommended)'] } },
  },
  {
    key: 'waiting_input-folder-trust-dialog',
    from: 'start',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { options: ['No, exit', 'Yes, I trust this folder'] } },
  },
  // A Bash result that prints `API Error: 401` is the tool's output, not the agent's error.
  { key: 'idle-tool-output-quotes-api-error', expect: { kind: 'idle' }, never: ['error', 'rate_limited'] },
  // Background work: shells left running do not keep the agent busy; a background agent does.
  // (Not `holds`: the footer drops its `← for agents` hint a few seconds later, a screen change
  // that restarts the debounce, as for any idle pane.)
  { key: 'idle-background-shell', expect: { kind: 'reaches', state: 'idle', detail: { background: '1 shell still running' } }, never: ['error'] },
  {
    key: 'active-background-agent',
    expect: { kind: 'reaches', state: 'active', holds: true, detail: { background: 'Waiting for 1 background agent to finish' } },
    never: ['idle'],
  },
  { key: 'crashed-exited-to-shell', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { currentCommand: 'sh', exitStatus: null } } },
  { key: 'crashed-killed-to-shell', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { currentCommand: 'sh' } } },
  // Only `$ ` on screen: the pane's @tmux-orc-agent option says an agent ran there.
  { key: 'crashed-exited-cleared-shell', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { currentCommand: 'sh' } } },
  { key: 'crashed-pane-dead', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { exitStatus: 0 } } },
];

function screenCase(key: string): ScreenCase {
  const found = screenCases.find((c) => `${c.state}-${c.name}` === key);
  if (found === undefined) throw new Error(`Expected a testkit screen case named ${key}, got none`);
  return found;
}

const sizes = [
  { cols: 120, rows: 40, checker: 'AsyncHealthChecker' },
  { cols: 80, rows: 24, checker: 'HealthChecker' },
] as const;

const startPane = pLimit(panesAtOnce);

describe.skipIf(!lookup.ok).concurrent.each(sizes)('the health checker on live Claude Code at $cols x $rows ($checker)', ({ cols, rows, checker }) => {
  let sandbox: TmuxSandbox | undefined;
  let api: FakeAnthropic | undefined;
  let pool: TmuxConnectionPool | undefined;
  let watch: PaneWatch | undefined;
  // Each case runs from beforeAll on, within `panesAtOnce` (vitest runs at most 5 tests at once);
  // its test awaits it.
  const runs = new Map<string, Promise<void>>();

  beforeAll(async () => {
    if (!lookup.ok) return;
    sandbox = await createTmuxSandbox({ width: cols, height: rows });
    api = await startFakeAnthropic();
    pool = createTmuxConnectionPool({ server: sandbox.server, transport: 'control' });
    const clock = systemMonotonicClock;
    // The checker captures through a recorder, so a failure can show the screen behind a verdict.
    const screens = recordScreens(pool);
    const options = { runner: screens, debounceMs, clock };
    watch = startPaneWatch({
      runner: pool,
      checker: checker === 'AsyncHealthChecker' ? new AsyncHealthChecker(options) : new HealthChecker(options),
      intervalMs,
      clock,
      screens,
    });
    const suite = {
      sandbox,
      apiUrl: api.url,
      binary: lookup.binary,
      watch,
      clock,
      cols,
      rows,
      debounceMs,
      intervalMs,
      // AsyncHealthChecker's default contentTtlMs: see the README's note on its cache.
      staleMs: checker === 'AsyncHealthChecker' ? 2_000 : 0,
      ...(printObservations ? { onPassed: (key: string, observations: string) => console.info(`${key}:\n${observations}`) } : {}),
    };
    for (const liveCase of liveCases) {
      const run = startPane(() => runLiveCase(suite, screenCase(liveCase.key), liveCase));
      run.catch(() => undefined); // reported by the case's test
      runs.set(liveCase.key, run);
    }
  });

  afterAll(async () => {
    try {
      await Promise.allSettled(runs.values());
      await watch?.stop();
      await pool?.close();
    } finally {
      await sandbox?.kill();
      await api?.close();
    }
  }, 120_000); // waits for every case (each bounded by its own timeouts) before tearing down

  it.concurrent.each(liveCases.map((c) => [c.key, c] as const))('%s', async (key) => {
    const run = runs.get(key);
    if (run === undefined) throw new Error(`Expected case ${key} to have been started, got no run`);
    await run;
    expect(watch?.failedCycles ?? [], 'watch cycles whose list-panes or checkMany failed').toEqual([]);
    // Claude Code needed nothing from the API beyond what the fake knows.
    expect(api?.requests.filter((r) => r.scenario === 'unknown-path').map((r) => r.url)).toEqual([]);
  }, 120_000);
});

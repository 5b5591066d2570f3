import { type FakeGemini, type GeminiScreenCase, type TmuxSandbox, createTmuxSandbox, findGeminiCli, geminiScreenCases, startFakeGemini } from '@tmux-orc/testkit';
import { createTmuxConnectionPool, type TmuxConnectionPool } from '@tmux-orc/tmux-pool';
import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncHealthChecker } from './async-health-checker.js';
import { systemMonotonicClock } from '@tmux-orc/clock';
import { HealthChecker } from './health-checker.js';
import type { LiveCase } from './__fixtures__/live/live-expectations.js';
import { type PaneWatch, startPaneWatch } from './__fixtures__/live/pane-watch.js';
import { runGeminiLiveCase } from './__fixtures__/live/run-gemini-live-case.js';
import { recordScreens } from './__fixtures__/live/screen-recorder.js';
import { checkLiveProofsAfterAll } from './__fixtures__/live/check-live-proofs.js';
import { createLiveProofs, provingCase } from './__fixtures__/live/live-proofs.js';

/**
 * The health checker on LIVE screens of the real Gemini CLI (npm `@google/gemini-cli`, pinned in
 * testkit) in a tmux sandbox, talking to testkit's fake Gemini API, at 120x40 and 80x24. Each case
 * is driven by testkit's `geminiScreenCases`; a watch checks every pane every 300 ms through a real
 * control-mode pool, with a 1.5 s debounce. No `@tmux-orc-agent` option is set: the detector is
 * chosen from the pane (`node`, the CLI's title) and the screen. `TMUX_ORC_GEMINI_CLI=/path/to/gemini`
 * runs it against another Gemini CLI.
 */
const overridePath = process.env['TMUX_ORC_GEMINI_CLI'];
const lookup = await findGeminiCli(overridePath === undefined ? {} : { path: overridePath });
if (!lookup.ok) console.warn(`Skipping the live Gemini CLI detection tests: ${lookup.reason}`);
// Opt-in for now: in one clean full run (2026-11-30) a case's Gemini CLI exited and the suite waited
// on it until afterAll's 900 s bound; it passed 48/48 four times run alone. Its recorded screens are
// classified in every run (detectors/gemini*.test.ts). TMUX_ORC_LIVE_GEMINI=1 runs it.
const liveGemini = process.env['TMUX_ORC_LIVE_GEMINI'] === '1';
if (lookup.ok && !liveGemini) console.warn('Skipping the live Gemini CLI detection tests: set TMUX_ORC_LIVE_GEMINI=1 to run them');

// TMUX_ORC_LIVE_LOG=1 prints every case's observations, also when it passes.
const printObservations = process.env['TMUX_ORC_LIVE_LOG'] === '1';

const debounceMs = 1_500;
const intervalMs = 300;
/** Gemini CLI panes running at once over both sizes: each is a large node process, and 2 cores are shared. */
const panesAtOnce = 4;

const liveCases: readonly LiveCase[] = [
  { key: 'fresh-started', expect: { kind: 'reaches', state: 'fresh', holds: true } },
  { key: 'active-streaming', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  { key: 'active-thinking', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  { key: 'active-waiting-for-first-token', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  { key: 'active-alarming-text', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle', 'error'] },
  // A prompt submitted while a turn runs waits in the CLI's own queue: the agent is busy, nothing is left to send.
  { key: 'active-submitted-while-active', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  // 0.61 retries a failing request for minutes behind its loading indicator alone: active, never idle.
  { key: 'active-http500-retrying', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  { key: 'idle-replied', expect: { kind: 'idle' } },
  { key: 'idle-alarming-text', expect: { kind: 'idle' }, never: ['error'] },
  { key: 'idle-after-approval', expect: { kind: 'idle' } },
  { key: 'idle-approval-rejected', expect: { kind: 'idle' } },
  { key: 'idle-compressed', expect: { kind: 'idle' } },
  {
    key: 'waiting_input-shell-approval',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Allow execution of [Shell]?', options: expect.arrayContaining(['1. Allow once']) } },
  },
  { key: 'waiting_input-write-approval', expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Apply this change?' } } },
  {
    key: 'waiting_input-ask-user',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Which database should the service use?', options: expect.arrayContaining(['2. SQLite']) } },
  },
  { key: 'queued_message-typed-not-sent', expect: { kind: 'reaches', state: 'queued_message', holds: true, detail: { queuedText: 'fix the failing tests please' } } },
  { key: 'queued_message-typed-while-active', expect: { kind: 'reaches', state: 'queued_message', holds: true, detail: { queuedText: 'then run the tests' } } },
  { key: 'error-http400-invalid-key', expect: { kind: 'reaches', state: 'error', holds: true, detail: { message: expect.stringMatching(/API key not valid/u) } } },
  // After `2. Stop` the failed turn's `✕ [API Error: You have exhausted your daily quota …]` stays: still limited.
  { key: 'rate_limited-http429-stopped', expect: { kind: 'reaches', state: 'rate_limited', holds: true, detail: { message: expect.stringMatching(/daily quota/u) } } },
  { key: 'rate_limited-http429-daily-quota', expect: { kind: 'reaches', state: 'rate_limited', holds: true, detail: { message: expect.stringMatching(/^Usage limit reached/u) } } },
  { key: 'compacting-compress', expect: { kind: 'reaches', state: 'compacting' } },
  { key: 'crashed-exited-to-shell', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { currentCommand: 'sh', exitStatus: null } } },
  { key: 'crashed-killed-to-shell', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { currentCommand: 'sh' } } },
  { key: 'crashed-pane-dead', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { exitStatus: 0 } } },
];

function screenCase(key: string): GeminiScreenCase {
  const found = geminiScreenCases.find((c) => `${c.state}-${c.name}` === key);
  if (found === undefined) throw new Error(`Expected a testkit Gemini screen case named ${key}, got none`);
  return found;
}

const sizes = [
  { cols: 120, rows: 40, checker: 'AsyncHealthChecker' },
  { cols: 80, rows: 24, checker: 'HealthChecker' },
] as const;
const proofs = lookup.ok ? createLiveProofs('gemini', lookup.cli.version, liveCases, sizes.map((size) => `${size.cols}x${size.rows}`)) : undefined;
checkLiveProofsAfterAll(proofs === undefined ? [] : [proofs]);

const startPane = pLimit(panesAtOnce);

describe.skipIf(!lookup.ok || !liveGemini).concurrent.each(sizes)('the health checker on live Gemini CLI at $cols x $rows ($checker)', ({ cols, rows, checker }) => {
  let sandbox: TmuxSandbox | undefined;
  let api: FakeGemini | undefined;
  let pool: TmuxConnectionPool | undefined;
  let watch: PaneWatch | undefined;
  const runs = new Map<string, Promise<void>>();

  beforeAll(async () => {
    if (!lookup.ok) return;
    sandbox = await createTmuxSandbox({ width: cols, height: rows });
    api = await startFakeGemini();
    pool = createTmuxConnectionPool({ server: sandbox.server, transport: 'control' });
    const clock = systemMonotonicClock;
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
      cli: lookup.cli,
      watch,
      clock,
      cols,
      rows,
      debounceMs,
      intervalMs,
      staleMs: checker === 'AsyncHealthChecker' ? 2_000 : 0,
      ...(printObservations ? { onPassed: (key: string, observations: string) => console.info(`${key}:\n${observations}`) } : {}),
    };
    for (const liveCase of liveCases) {
      const run = startPane(() => runGeminiLiveCase(suite, screenCase(liveCase.key), liveCase));
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
  }, 900_000); // waits for every case (each bounded by its own timeouts) before tearing down

  it.concurrent.each(liveCases.map((c) => [c.key, c] as const))('%s', async (key, liveCase) => {
    const run = runs.get(key);
    if (run === undefined) throw new Error(`Expected case ${key} to have been started, got no run`);
    await provingCase(proofs, liveCase, `${cols}x${rows}`, async () => {
      await run;
      expect(watch?.failedCycles ?? [], 'watch cycles whose list-panes or checkMany failed').toEqual([]);
      // Gemini CLI needed nothing from the API beyond what the fake knows.
      expect(api?.requests.filter((r) => r.scenario === 'unknown-path').map((r) => r.url)).toEqual([]);
    });
  }, 900_000);
});

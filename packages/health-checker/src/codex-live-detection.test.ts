import { type CodexScreenCase, type FakeOpenAI, type TmuxSandbox, codexScreenCases, createTmuxSandbox, findCodexBinary, startFakeOpenAI } from '@tmux-orc/testkit';
import { createTmuxConnectionPool, type TmuxConnectionPool } from '@tmux-orc/tmux-pool';
import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncHealthChecker } from './async-health-checker.js';
import { systemMonotonicClock } from '@tmux-orc/clock';
import { HealthChecker } from './health-checker.js';
import type { LiveCase } from './__fixtures__/live/live-expectations.js';
import { type PaneWatch, startPaneWatch } from './__fixtures__/live/pane-watch.js';
import { runCodexLiveCase } from './__fixtures__/live/run-codex-live-case.js';
import { recordScreens } from './__fixtures__/live/screen-recorder.js';
import { checkLiveProofsAfterAll } from './__fixtures__/live/check-live-proofs.js';
import { createLiveProofs, provingCase } from './__fixtures__/live/live-proofs.js';

/**
 * The health checker on LIVE screens of the real Codex CLI (testkit's harness: the native binary
 * in a tmux sandbox, talking to the fake OpenAI Responses API), at 120x40 and 80x24, through both
 * checkers, as `claude-code-live-detection.test.ts` does for Claude Code: a watch checks every
 * pane every 300 ms through a control-mode pool, 1.5 s debounce, real clock. Every pane must first
 * be `fresh`; no pane of a running Codex may be `crashed` or `unknown`.
 */
const overridePath = process.env['TMUX_ORC_CODEX_BINARY'];
const lookup = await findCodexBinary(overridePath === undefined ? {} : { path: overridePath });
if (!lookup.ok) console.warn(`Skipping the live Codex detection tests: ${lookup.reason}`);

const printObservations = process.env['TMUX_ORC_LIVE_LOG'] === '1';
const debounceMs = 1_500;
const intervalMs = 300;
/** Codex panes starting or running at once per size (2 cores here). */
const panesAtOnce = 6;

const liveCases: readonly LiveCase[] = [
  { key: 'fresh-started', expect: { kind: 'reaches', state: 'fresh', holds: true } },
  // Codex shows no status line while text streams: the tracker must see the screen move.
  { key: 'active-streaming', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  { key: 'active-waiting-for-first-token', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  { key: 'active-thinking', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  // A follow-up queued with Tab was submitted: the agent works, nothing waits to be sent.
  { key: 'active-follow-up-queued', expect: { kind: 'reaches', state: 'active', holds: true }, never: ['idle'] },
  { key: 'idle-replied', expect: { kind: 'idle' } },
  { key: 'idle-alarming-text', expect: { kind: 'idle' }, never: ['error'] },
  // Esc draws `■ Conversation interrupted` like an error cell: it is not one.
  { key: 'idle-interrupted', expect: { kind: 'idle' }, never: ['error'] },
  { key: 'idle-after-error', expect: { kind: 'idle' } },
  {
    key: 'waiting_input-exec-approval',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Would you like to run the following command?', options: expect.arrayContaining(['1. Yes, proceed (y)']) } },
  },
  {
    key: 'waiting_input-plan-question',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Which test runner should the plan use?', options: expect.arrayContaining(['1. Vitest (Recommended)']) } },
  },
  {
    key: 'waiting_input-mcp-permission',
    expect: { kind: 'reaches', state: 'waiting_input', holds: true, detail: { question: 'Allow the tracker MCP server to run tool "delete_ticket"?', options: expect.arrayContaining(['1. Allow', '4. Cancel']) } },
  },
  { key: 'waiting_input-rate-limit-nudge', expect: { kind: 'reaches', state: 'waiting_input', holds: true } },
  { key: 'queued_message-typed-not-sent', expect: { kind: 'reaches', state: 'queued_message', holds: true, detail: { queuedText: 'fix the failing tests please' } } },
  { key: 'queued_message-typed-while-active', expect: { kind: 'reaches', state: 'queued_message', holds: true, detail: { queuedText: 'then run the tests' } } },
  { key: 'error-http500-retrying', expect: { kind: 'reaches', state: 'error', detail: { attempt: expect.any(Number), maxAttempts: 2 } } },
  { key: 'error-http500-gave-up', expect: { kind: 'reaches', state: 'error', holds: true, detail: { message: expect.stringMatching(/high demand/u) } } },
  { key: 'error-http401-gave-up', expect: { kind: 'reaches', state: 'error', holds: true, detail: { message: expect.stringMatching(/401 Unauthorized/u) } } },
  { key: 'error-stream-failed', expect: { kind: 'reaches', state: 'error', holds: true, detail: { message: expect.stringMatching(/stream disconnected/u) } } },
  { key: 'rate_limited-http429-retrying', expect: { kind: 'reaches', state: 'rate_limited', detail: { message: expect.stringMatching(/429/u) } } },
  { key: 'rate_limited-http429-gave-up', expect: { kind: 'reaches', state: 'rate_limited', holds: true } },
  { key: 'rate_limited-usage-limit', expect: { kind: 'reaches', state: 'rate_limited', holds: true, detail: { message: expect.stringMatching(/usage limit/u) } } },
  { key: 'compacting-compact', expect: { kind: 'reaches', state: 'compacting' } },
  { key: 'crashed-quit-to-shell', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { currentCommand: 'sh', exitStatus: null } } },
  { key: 'crashed-killed-to-shell', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { currentCommand: 'sh' } } },
  { key: 'crashed-pane-dead', expect: { kind: 'reaches', state: 'crashed', holds: true, detail: { exitStatus: 0 } } },
];

function screenCase(key: string): CodexScreenCase {
  const found = codexScreenCases.find((c) => `${c.state}-${c.name}` === key);
  if (found === undefined) throw new Error(`Expected a testkit Codex screen case named ${key}, got none`);
  return found;
}

const sizes = [
  { cols: 120, rows: 40, checker: 'AsyncHealthChecker' },
  { cols: 80, rows: 24, checker: 'HealthChecker' },
] as const;
const proofs = lookup.ok ? createLiveProofs('codex', lookup.binary.version, liveCases, sizes.map((size) => `${size.cols}x${size.rows}`)) : undefined;
checkLiveProofsAfterAll(proofs === undefined ? [] : [proofs]);

describe('every testkit Codex screen case has a live expectation', () => {
  it('lists each case once', () => {
    expect(liveCases.map((c) => c.key).sort()).toEqual(codexScreenCases.map((c) => `${c.state}-${c.name}`).sort());
  });
});

describe.skipIf(!lookup.ok).concurrent.each(sizes)('the health checker on live Codex at $cols x $rows ($checker)', ({ cols, rows, checker }) => {
  let sandbox: TmuxSandbox | undefined;
  let api: FakeOpenAI | undefined;
  let pool: TmuxConnectionPool | undefined;
  let watch: PaneWatch | undefined;
  const runs = new Map<string, Promise<void>>();
  const startPane = pLimit(panesAtOnce);

  beforeAll(async () => {
    if (!lookup.ok) return;
    sandbox = await createTmuxSandbox({ width: cols, height: rows });
    api = await startFakeOpenAI();
    pool = createTmuxConnectionPool({ server: sandbox.server, transport: 'control' });
    const clock = systemMonotonicClock;
    const screens = recordScreens(pool);
    const options = { runner: screens, debounceMs, clock };
    watch = startPaneWatch({ runner: pool, checker: checker === 'AsyncHealthChecker' ? new AsyncHealthChecker(options) : new HealthChecker(options), intervalMs, clock, screens });
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
      staleMs: checker === 'AsyncHealthChecker' ? 2_000 : 0,
      ...(printObservations ? { onPassed: (key: string, observations: string) => console.info(`${key}:\n${observations}`) } : {}),
    };
    for (const liveCase of liveCases) {
      const run = startPane(() => runCodexLiveCase(suite, screenCase(liveCase.key), liveCase));
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
  }, 240_000);

  it.concurrent.each(liveCases.map((c) => [c.key, c] as const))('%s', async (key, liveCase) => {
    const run = runs.get(key);
    if (run === undefined) throw new Error(`Expected case ${key} to have been started, got no run`);
    await provingCase(proofs, liveCase, `${cols}x${rows}`, async () => {
      await run;
      expect(watch?.failedCycles ?? [], 'watch cycles whose list-panes or checkMany failed').toEqual([]);
      expect(api?.requests.filter((r) => r.scenario === 'unknown-path').map((r) => r.url)).toEqual([]);
    });
  }, 240_000);
});

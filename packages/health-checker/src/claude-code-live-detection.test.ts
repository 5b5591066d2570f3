import {
  type ClaudeCodeBinary,
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
import { claudeCodeLiveCases as liveCases } from './__fixtures__/live/claude-code-live-cases.js';
import { checkLiveProofsAfterAll } from './__fixtures__/live/check-live-proofs.js';
import { createLiveProofs, type LiveProofs, provingCase } from './__fixtures__/live/live-proofs.js';
import { type PaneWatch, startPaneWatch } from './__fixtures__/live/pane-watch.js';
import { runLiveCase } from './__fixtures__/live/run-live-case.js';
import { recordScreens } from './__fixtures__/live/screen-recorder.js';

/**
 * The health checker on LIVE screens of the real Claude Code CLI (testkit's harness: the native
 * binary in a tmux sandbox, talking to the fake Anthropic API), at 120x40 and 80x24, on BOTH
 * installed versions (testkit's pinned one and the newest, `@anthropic-ai/claude-code-latest`). Each case is
 * driven by testkit's `screenCases` driver; a watch checks every pane every 300 ms through a real
 * control-mode pool (`list-panes -a`, then `checkMany`), with a 1.5 s debounce and the real clock.
 * Every pane must first be `fresh`, and no pane of a running Claude Code may ever be `crashed` or
 * `unknown`.
 */
const overridePath = process.env['TMUX_ORC_CLAUDE_CODE_BINARY'];
const lookups = overridePath === undefined ? await Promise.all([findClaudeCodeBinary({ pin: 'pinned' }), findClaudeCodeBinary({ pin: 'newest' })]) : [await findClaudeCodeBinary({ path: overridePath })];
const binaries: ClaudeCodeBinary[] = [];
for (const lookup of lookups) {
  if (!lookup.ok) console.warn(`Skipping live Claude Code detection tests of one install: ${lookup.reason}`);
  else if (!binaries.some((b) => b.version === lookup.binary.version)) binaries.push(lookup.binary);
}

// TMUX_ORC_LIVE_LOG=1 prints every case's observations, also when it passes.
const printObservations = process.env['TMUX_ORC_LIVE_LOG'] === '1';

const debounceMs = 1_500;
const intervalMs = 300;
/** Claude Code panes starting or running at once, over both sizes and versions (2 cores here). */
const panesAtOnce = 10;

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
const proofs = new Map<string, LiveProofs>(
  binaries.map((b) => [b.version, createLiveProofs('claude-code', b.version, liveCases, sizes.map((size) => `${size.cols}x${size.rows}`))]),
);
const variants = binaries.flatMap((binary) => sizes.map((size) => ({ ...size, binary, version: binary.version })));

checkLiveProofsAfterAll(proofs.values());

// Without any runnable install the file still reports one skipped test (and the warnings above).
if (binaries.length === 0) it.skip('runs live Claude Code (no install could run here, see the warnings)', () => undefined);

describe.concurrent.each(variants)('the health checker on live Claude Code $version at $cols x $rows ($checker)', ({ cols, rows, checker, binary }) => {
  let sandbox: TmuxSandbox | undefined;
  let api: FakeAnthropic | undefined;
  let pool: TmuxConnectionPool | undefined;
  let watch: PaneWatch | undefined;
  // Each case runs from beforeAll on, within `panesAtOnce` (vitest runs at most 5 tests at once);
  // its test awaits it.
  const runs = new Map<string, Promise<void>>();

  beforeAll(async () => {
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
      binary,
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
  }, 300_000); // waits for every case (each bounded by its own timeouts) before tearing down

  it.concurrent.each(liveCases.map((c) => [c.key, c] as const))('%s', async (key, liveCase) => {
    const run = runs.get(key);
    if (run === undefined) throw new Error(`Expected case ${key} to have been started, got no run`);
    await provingCase(proofs.get(binary.version), liveCase, `${cols}x${rows}`, async () => {
      await run;
      expect(watch?.failedCycles ?? [], 'watch cycles whose list-panes or checkMany failed').toEqual([]);
      // Claude Code needed nothing from the API beyond what the fake knows.
      expect(api?.requests.filter((r) => r.scenario === 'unknown-path').map((r) => r.url)).toEqual([]);
    });
  }, 300_000);
});

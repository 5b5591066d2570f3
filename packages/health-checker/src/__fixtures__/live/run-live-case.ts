import { type ClaudeCodeBinary, type ScreenCase, type TmuxSandbox, startClaudeCode } from '@tmux-orc/testkit';
import { expect } from 'vitest';
import type { AgentState } from '../../agent-state.js';
import type { MonotonicClock } from '@tmux-orc/clock';
import type { LiveCase } from './live-expectations.js';
import type { Observation, PaneLog, PaneWatch } from './pane-watch.js';

/** What every live case shares: one sandbox, fake API and watch per terminal size. */
export interface LiveSuite {
  readonly sandbox: TmuxSandbox;
  readonly apiUrl: string;
  readonly binary: ClaudeCodeBinary;
  readonly watch: PaneWatch;
  readonly clock: MonotonicClock;
  readonly cols: number;
  readonly rows: number;
  readonly debounceMs: number;
  readonly intervalMs: number;
  /**
   * How long after the screen changed the checker may still answer from the screen before
   * (AsyncHealthChecker: its `contentTtlMs`, when the change and the last capture fell in the same
   * second of `window_activity`); 0 for a checker that captures every time.
   */
  readonly staleMs: number;
  /** Called with each passed case's observations (e.g. to print them while debugging). */
  readonly onPassed?: (key: string, observations: string) => void;
}

/** What {@link verify} needs of a suite (shared with the other CLIs' live cases). */
export type LiveTiming = Pick<LiveSuite, 'clock' | 'debounceMs' | 'intervalMs' | 'staleMs'>;

/**
 * How long a state may take to show in the checker once the driver saw it on screen: a few watch
 * cycles, which take 2-5 s each when both Claude Code versions run at load 25 on 2 cores (6 s
 * failed idle-replied there while the screen still moved). Only the wait is longer: what the
 * checker says before and after is checked as strictly.
 */
const reachTimeoutMs = 15_000;

/** A live misdetection: what was expected, what the checker said, and the screen it said it of. */
class LiveDetectionError extends Error {
  constructor(expected: string, got: Observation, log: PaneLog, from: number) {
    super(
      `Expected ${expected}, got ${got.state} ${JSON.stringify(got.detail)} (detector ${got.detector}, evidence ${JSON.stringify(got.evidence)}, ` +
        `pane command ${got.pane.currentCommand}${got.pane.dead ? ', dead' : ''}) on this screen:\n${got.screen ?? '(not recorded)'}\n` +
        `--- observations ---\n${log.describe(from)}`,
    );
    this.name = 'LiveDetectionError';
  }
}

export function isState(state: AgentState): (observation: Observation) => boolean {
  return (observation) => observation.state === state;
}

/** Throws for the first observation `allowed` rejects. */
export function expectEvery(observations: readonly Observation[], allowed: (observation: Observation) => boolean, expected: string, log: PaneLog, from: number): void {
  const wrong = observations.find((observation) => !allowed(observation));
  if (wrong !== undefined) throw new LiveDetectionError(expected, wrong, log, from);
}

/** `{ question: "…", attempt: Any<Number> }`: the expected detail, matchers by their names. */
function describeDetail(detail: Readonly<Record<string, unknown>>): string {
  const fields = Object.entries(detail).map(([key, value]) => {
    const matcher = value as { toAsymmetricMatcher?: () => string } | null;
    return `${key}: ${typeof matcher?.toAsymmetricMatcher === 'function' ? matcher.toAsymmetricMatcher() : JSON.stringify(value)}`;
  });
  return `{ ${fields.join(', ')} }`;
}

/**
 * The observations of `log` from `from` on, for at least `forMs` and at least `count` of them:
 * on a loaded machine a cycle can take longer than its interval, so the window stretches (to 20 s
 * at least: with four Claude Code suites at once and a load of 25 on 2 cores, watch cycles were
 * seen taking 2-5 s) until enough cycles have looked.
 */
async function observeFor(log: PaneLog, from: number, forMs: number, count: number, clock: MonotonicClock): Promise<Observation[]> {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const rest = from + forMs - clock.now();
  if (rest > 0) await sleep(rest);
  while (log.since(from).length < count && clock.now() < from + Math.max(3 * forMs, 20_000)) await sleep(100);
  return log.since(from);
}

async function verifyIdle(suite: LiveTiming, log: PaneLog, drivenAt: number): Promise<void> {
  const idle = log.since(drivenAt).find(isState('idle')) ?? (await log.waitFor(isState('idle'), 'idle after the reply', suite.debounceMs + reachTimeoutMs));
  // Between the finished reply and idle the agent is active (the debounce runs); nothing else,
  // once the checker had a chance to see the finished screen.
  const before = log.since(drivenAt + suite.staleMs).filter((observation) => observation.at < idle.at);
  expectEvery(before, isState('active'), 'active until the debounce window has passed', log, drivenAt);
  // Idle only once the screen stayed unchanged for the whole debounce window.
  expect(idle.detail.unchangedForMs, `the first idle observation:\n${log.describe(drivenAt)}`).toBeGreaterThanOrEqual(suite.debounceMs);
}

export async function verify(suite: LiveTiming, liveCase: LiveCase, log: PaneLog, drivenAt: number): Promise<void> {
  const { expect: expected } = liveCase;
  if (expected.kind === 'idle') {
    await verifyIdle(suite, log, drivenAt);
    return;
  }
  // The first observation with the state and the detail: a checker may lag a cycle or two behind
  // the screen (AsyncHealthChecker reuses a capture while `window_activity` keeps its second).
  const wanted = expect.objectContaining(expected.detail ?? {});
  const matches = (observation: Observation): boolean => observation.state === expected.state && wanted.asymmetricMatch(observation.detail);
  const what = `${expected.state}${expected.detail === undefined ? '' : ` with detail ${describeDetail(expected.detail)}`}`;
  const reached = log.since(drivenAt).find(matches) ?? (await log.waitFor(matches, what, reachTimeoutMs));
  if (expected.holds !== true) return;
  const window = 2 * suite.debounceMs + suite.intervalMs;
  // At least one observation per debounce window, or the hold proves nothing.
  const atLeast = Math.floor(window / suite.debounceMs) + 1;
  const held = await observeFor(log, reached.at, window, atLeast, suite.clock);
  expect(held.length, `observations in ${window} ms or more:\n${log.describe(reached.at)}`).toBeGreaterThanOrEqual(atLeast);
  expectEvery(held, isState(expected.state), `${expected.state} at every cycle for two debounce windows`, log, reached.at);
}

/** The states no live Claude Code pane may show once it drew its prompt box (or started, see `from`), unless the case expects them. */
export function forbiddenStates(liveCase: LiveCase): AgentState[] {
  const expected = liveCase.expect.kind === 'idle' ? 'idle' : liveCase.expect.state;
  // Claude Code clears its screen on /exit before the shell prompt comes: a moment of `unknown`.
  const always: AgentState[] = expected === 'crashed' ? [] : ['crashed', 'unknown'];
  return [...always, ...(liveCase.never ?? [])];
}

/**
 * Starts the real Claude Code in a new session of the suite's sandbox, waits until the checker
 * calls it `fresh`, drives it with the testkit's screen case, and checks what the checker says
 * (see {@link LiveCase}). Fails with the screen, the expected and the actual verdict, and the
 * sequence of observations.
 */
export async function runLiveCase(suite: LiveSuite, screenCase: ScreenCase, liveCase: LiveCase): Promise<void> {
  await using pane = await startClaudeCode(suite.sandbox, {
    binary: suite.binary,
    session: liveCase.key,
    width: suite.cols,
    height: suite.rows,
    apiUrl: suite.apiUrl,
    ...screenCase.start,
  });
  const log = suite.watch.watch(pane.paneId);
  try {
    // A case that starts on a dialog is judged from its first verdict of the expected state (before
    // it the pane is blank or still a shell for a moment).
    const first = liveCase.from === 'start' && liveCase.expect.kind === 'reaches' ? liveCase.expect.state : 'fresh';
    const fresh = await log.waitFor(isState(first), `${first} once Claude Code drew its first screen`, 30_000);
    await screenCase.drive({ pane, sandbox: suite.sandbox });
    await verify(suite, liveCase, log, suite.clock.now());
    // Chosen from the pane's command, its title or (exited to a shell) the screen, never the shell detector.
    expectEvery(log.since(fresh.at), (observation) => observation.detector === 'claude-code', 'every verdict from the claude-code detector', log, fresh.at);
    const forbidden = forbiddenStates(liveCase);
    expectEvery(log.since(fresh.at), (observation) => !forbidden.includes(observation.state), `never ${forbidden.join(' or ')} after fresh`, log, fresh.at);
    suite.onPassed?.(`${liveCase.key} at ${suite.cols}x${suite.rows}`, log.describe());
  } catch (error) {
    const screen = await pane.capture().catch((captureError: unknown) => `(capture failed: ${String(captureError)})`);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${liveCase.key} at ${suite.cols}x${suite.rows}: ${message}\n--- screen now ---\n${screen}\n--- observations since the pane started ---\n${log.describe()}`,
      { cause: error },
    );
  } finally {
    suite.watch.unwatch(pane.paneId);
  }
}

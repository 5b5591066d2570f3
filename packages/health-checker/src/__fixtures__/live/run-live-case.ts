import { type ClaudeCodeBinary, type ScreenCase, type TmuxSandbox, startClaudeCode } from '@tmux-orc/testkit';
import { expect } from 'vitest';
import type { AgentState } from '../../agent-state.js';
import type { Clock } from '../../clock.js';
import type { LiveCase } from './live-expectations.js';
import type { Observation, PaneLog, PaneWatch } from './pane-watch.js';

/** What every live case shares: one sandbox, fake API and watch per terminal size. */
export interface LiveSuite {
  readonly sandbox: TmuxSandbox;
  readonly apiUrl: string;
  readonly binary: ClaudeCodeBinary;
  readonly watch: PaneWatch;
  readonly clock: Clock;
  readonly cols: number;
  readonly rows: number;
  readonly debounceMs: number;
  readonly intervalMs: number;
  /** Called with each passed case's observations (e.g. to print them while debugging). */
  readonly onPassed?: (key: string, observations: string) => void;
}

/** How long a state may take to show in the checker once the driver saw it on screen. */
const reachTimeoutMs = 6_000;

function isState(state: AgentState): (observation: Observation) => boolean {
  return (observation) => observation.state === state;
}

/** `{ question: "…", attempt: Any<Number> }`: the expected detail, matchers by their names. */
function describeDetail(detail: Readonly<Record<string, unknown>>): string {
  const fields = Object.entries(detail).map(([key, value]) => {
    const matcher = value as { toAsymmetricMatcher?: () => string } | null;
    return `${key}: ${typeof matcher?.toAsymmetricMatcher === 'function' ? matcher.toAsymmetricMatcher() : JSON.stringify(value)}`;
  });
  return `{ ${fields.join(', ')} }`;
}

/** The observations of `log` from `from` for `forMs`, once that time has passed. */
async function observeFor(log: PaneLog, from: number, forMs: number, clock: Clock): Promise<Observation[]> {
  const rest = from + forMs - clock.now();
  if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  return log.since(from).filter((observation) => observation.at <= from + forMs);
}

async function verify(suite: LiveSuite, liveCase: LiveCase, log: PaneLog, drivenAt: number): Promise<void> {
  const { expect: expected } = liveCase;
  const window = 2 * suite.debounceMs + suite.intervalMs;
  if (expected.kind === 'idle') {
    const idle = await log.waitFor(isState('idle'), 'idle after the reply', suite.debounceMs + reachTimeoutMs);
    const before = log.since(drivenAt).filter((observation) => observation.at < idle.at);
    expect(before.map((observation) => observation.state).filter((state) => state !== 'active'), `states before idle:\n${log.describe(drivenAt)}`).toEqual([]);
    // Idle only once the screen stayed unchanged for the whole debounce window.
    expect(idle.detail.unchangedForMs, `the first idle observation:\n${log.describe(drivenAt)}`).toBeGreaterThanOrEqual(suite.debounceMs);
    return;
  }
  // The first observation with the state and the detail: a checker may lag a cycle or two behind
  // the screen (AsyncHealthChecker reuses a capture while `window_activity` keeps its second).
  const wanted = expect.objectContaining(expected.detail ?? {});
  const matches = (observation: Observation): boolean => observation.state === expected.state && wanted.asymmetricMatch(observation.detail);
  const what = `${expected.state}${expected.detail === undefined ? '' : ` with detail ${describeDetail(expected.detail)}`}`;
  const reached = log.since(drivenAt).find(matches) ?? (await log.waitFor(matches, what, reachTimeoutMs));
  if (expected.holds === true) {
    const held = await observeFor(log, reached.at, window, suite.clock);
    // At least one observation per debounce window, or the hold proves nothing.
    expect(held.length, `observations in ${window} ms:\n${log.describe(reached.at)}`).toBeGreaterThanOrEqual(Math.floor(window / suite.debounceMs) + 1);
    expect(
      held.filter((observation) => observation.state !== expected.state).map((observation) => observation.state),
      `every observation for two debounce windows should be ${expected.state}:\n${log.describe(reached.at)}`,
    ).toEqual([]);
  }
}

/** The states no live Claude Code pane may show once it drew its prompt box, unless the case expects them. */
function forbiddenStates(liveCase: LiveCase): AgentState[] {
  const expected = liveCase.expect.kind === 'idle' ? 'idle' : liveCase.expect.state;
  // Claude Code clears its screen on /exit before the shell prompt comes: a moment of `unknown`.
  const always: AgentState[] = expected === 'crashed' ? [] : ['crashed', 'unknown'];
  return [...always, ...(liveCase.never ?? [])];
}

/**
 * Starts the real Claude Code in a new session of the suite's sandbox, waits until the checker
 * calls it `fresh`, drives it with the testkit's screen case, and checks what the checker says
 * (see {@link LiveCase}). Fails with the sequence of observations and the screen.
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
  let freshAt = suite.clock.now();
  try {
    freshAt = (await log.waitFor(isState('fresh'), 'fresh once Claude Code drew its prompt box', 30_000)).at;
    await screenCase.drive({ pane, sandbox: suite.sandbox });
    const drivenAt = suite.clock.now();
    await verify(suite, liveCase, log, drivenAt);
    const forbidden = forbiddenStates(liveCase);
    const seen = log.since(freshAt).filter((observation) => forbidden.includes(observation.state));
    expect(seen.map((observation) => observation.state), `states never allowed here (${forbidden.join(', ')}):\n${log.describe(freshAt)}`).toEqual([]);
    suite.onPassed?.(`${liveCase.key} at ${suite.cols}x${suite.rows}`, log.describe());
  } catch (error) {
    const screen = await pane.capture().catch((captureError: unknown) => `(capture failed: ${String(captureError)})`);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${liveCase.key} at ${suite.cols}x${suite.rows}: ${message}\n--- screen now ---\n${screen}\n--- observations since the pane started ---\n${log.describe()}`, { cause: error });
  } finally {
    suite.watch.unwatch(pane.paneId);
  }
}

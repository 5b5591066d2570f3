import { type CodexBinary, type CodexScreenCase, type TmuxSandbox, startCodex } from '@tmux-orc/testkit';
import type { LiveCase } from './live-expectations.js';
import type { PaneWatch } from './pane-watch.js';
import { expectEvery, forbiddenStates, isState, type LiveTiming, verify } from './run-live-case.js';

/** What every live Codex case shares: one sandbox, fake OpenAI API and watch per terminal size. */
export interface CodexLiveSuite extends LiveTiming {
  readonly sandbox: TmuxSandbox;
  readonly apiUrl: string;
  readonly binary: CodexBinary;
  readonly watch: PaneWatch;
  readonly cols: number;
  readonly rows: number;
  readonly onPassed?: (key: string, observations: string) => void;
}

/**
 * Starts the real Codex CLI in a new session of the suite's sandbox, waits until the checker calls
 * it `fresh`, drives it with the testkit's Codex screen case, and checks what the checker says
 * (see {@link LiveCase}): the same rules as the Claude Code live cases, and every verdict from the
 * `codex` detector, chosen without the `@tmux-orc-agent` option.
 */
export async function runCodexLiveCase(suite: CodexLiveSuite, screenCase: CodexScreenCase, liveCase: LiveCase): Promise<void> {
  await using pane = await startCodex(suite.sandbox, {
    binary: suite.binary,
    session: liveCase.key,
    width: suite.cols,
    height: suite.rows,
    apiUrl: suite.apiUrl,
    ...screenCase.start,
  });
  const log = suite.watch.watch(pane.paneId);
  try {
    const fresh = await log.waitFor(isState('fresh'), 'fresh once Codex drew its composer', 30_000);
    await screenCase.drive({ pane, sandbox: suite.sandbox });
    await verify(suite, liveCase, log, suite.clock.now());
    expectEvery(log.since(fresh.at), (observation) => observation.detector === 'codex', 'every verdict from the codex detector', log, fresh.at);
    const forbidden = forbiddenStates(liveCase);
    expectEvery(log.since(fresh.at), (observation) => !forbidden.includes(observation.state), `never ${forbidden.join(' or ')} after fresh`, log, fresh.at);
    suite.onPassed?.(`${liveCase.key} at ${suite.cols}x${suite.rows}`, log.describe());
  } catch (error) {
    const screen = await pane.capture().catch((captureError: unknown) => `(capture failed: ${String(captureError)})`);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${liveCase.key} at ${suite.cols}x${suite.rows}: ${message}\n--- screen now ---\n${screen}\n--- observations since the pane started ---\n${log.describe()}`, { cause: error });
  } finally {
    suite.watch.unwatch(pane.paneId);
  }
}

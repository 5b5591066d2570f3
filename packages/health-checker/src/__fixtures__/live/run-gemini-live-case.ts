import { type GeminiCli, type GeminiScreenCase, type TmuxSandbox, startGeminiCli } from '@tmux-orc/testkit';
import type { LiveCase } from './live-expectations.js';
import type { PaneWatch } from './pane-watch.js';
import { expectEvery, forbiddenStates, isState, type LiveTiming, verify } from './run-live-case.js';

/** What every live Gemini CLI case shares: one sandbox, fake API and watch per terminal size. */
export interface GeminiLiveSuite extends LiveTiming {
  readonly sandbox: TmuxSandbox;
  readonly apiUrl: string;
  readonly cli: GeminiCli;
  readonly watch: PaneWatch;
  readonly cols: number;
  readonly rows: number;
  /** Called with each passed case's observations (e.g. to print them while debugging). */
  readonly onPassed?: (key: string, observations: string) => void;
}

/**
 * Starts the real Gemini CLI in a new session of the suite's sandbox, waits until the checker
 * calls it `fresh`, drives it with the testkit's Gemini screen case, and checks what the checker
 * says (see {@link LiveCase}). Every verdict after `fresh` must come from the `gemini` detector,
 * which has only the pane (`node`, the CLI's own title) and the screen to go by. Fails with the
 * screen, the expected and the actual verdict, and the sequence of observations.
 */
export async function runGeminiLiveCase(suite: GeminiLiveSuite, screenCase: GeminiScreenCase, liveCase: LiveCase): Promise<void> {
  await using pane = await startGeminiCli(suite.sandbox, {
    cli: suite.cli,
    session: liveCase.key,
    width: suite.cols,
    height: suite.rows,
    apiUrl: suite.apiUrl,
    ...screenCase.start,
  });
  const log = suite.watch.watch(pane.paneId);
  try {
    const fresh = await log.waitFor(isState('fresh'), 'fresh once Gemini CLI drew its input line', 60_000);
    await screenCase.drive({ pane, sandbox: suite.sandbox });
    await verify(suite, liveCase, log, suite.clock.now());
    expectEvery(log.since(fresh.at), (observation) => observation.detector === 'gemini', 'every verdict from the gemini detector', log, fresh.at);
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

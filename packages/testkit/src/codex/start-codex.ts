import { existsSync } from 'node:fs';
import { type MonotonicClock, systemMonotonicClock } from '@tmux-orc/clock';
import { captureJoined, type PaneInfo, readPaneInfo } from '../claude-code/pane-info.js';
import { paneProcessIds, waitForExit } from '../claude-code/pane-processes.js';
import { TestkitError } from '../testkit-error.js';
import type { TmuxSandbox, WaitForScreenOptions } from '@tmux-orc/sim-fleet';
import type { CodexBinary } from './codex-binary.js';
import { createCodexHome } from './codex-home.js';
import { API_KEY_VARIABLE, INHERITED_VARIABLES_TO_DROP, paneCommand, sessionExists } from './codex-pane-command.js';

/** Options of {@link startCodex}. */
export interface StartCodexOptions {
  /** The native binary, from `findCodexBinary()`. */
  readonly binary: CodexBinary;
  /** Session to create. */
  readonly session: string;
  /** Window name (default `codex`). */
  readonly window?: string;
  readonly width?: number;
  readonly height?: number;
  /** Base URL of the fake OpenAI API including `/v1`. */
  readonly apiUrl: string;
  /** `request_max_retries` of the provider (Codex's default 4). */
  readonly maxRetries?: number;
  /** Keep Codex's rate-limit model nudge dialog (default off). */
  readonly rateLimitNudge?: boolean;
  /** Register the fake MCP server (`tracker`, tool `delete_ticket`) that the `MCP_CALL` scenario calls. */
  readonly mcpServer?: boolean;
  /** `shell` (default): the pane returns to an interactive `sh` when Codex exits; `exit`: the pane's command ends. */
  readonly onExit?: 'shell' | 'exit';
  /** Keep the pane after its command exits (tmux `remain-on-exit`). Default false. */
  readonly remainOnExit?: boolean;
  /** Time source of `waitForScreen` deadlines (default `performance.now()`). */
  readonly clock?: MonotonicClock;
}

/** A Codex process running in a sandbox pane. */
export interface CodexPane extends AsyncDisposable {
  readonly paneId: string;
  /** Its `CODEX_HOME`. */
  readonly home: string;
  /** Its working directory. */
  readonly cwd: string;
  /** The visible screen, wrapped lines joined. */
  capture(): Promise<string>;
  info(): Promise<PaneInfo>;
  /** Captures until `test` accepts the screen; throws `SCREEN_TIMEOUT` with the last screen. */
  waitForScreen(test: RegExp | ((screen: string) => boolean), opts?: WaitForScreenOptions): Promise<string>;
  /** Types `text` literally, without Enter. */
  type(text: string): Promise<void>;
  /** Sends tmux key names (`Enter`, `Escape`, `BTab`, …). */
  press(...keys: string[]): Promise<void>;
  /** Types `text`, waits until the composer shows it, then presses Enter. */
  submit(text: string): Promise<void>;
  /** Kills the pane and removes the home and work directories. */
  dispose(): Promise<void>;
}

/**
 * Starts the real Codex CLI in a new session of `sandbox`, talking to `apiUrl` only, with a fresh
 * `CODEX_HOME` (see `codexConfig`) and work directory under the testkit's `.tmp/`. Resolves once
 * the pane exists; wait for the composer with `waitForScreen`.
 */
export async function startCodex(sandbox: TmuxSandbox, options: StartCodexOptions): Promise<CodexPane> {
  if (options.maxRetries !== undefined && (!Number.isInteger(options.maxRetries) || options.maxRetries < 0)) {
    throw new TestkitError('INVALID_OPTION', `Expected \`maxRetries\` to be a non-negative integer, got \`${String(options.maxRetries)}\``);
  }
  const clock = options.clock ?? systemMonotonicClock;
  const home = await createCodexHome({
    apiUrl: options.apiUrl,
    envKey: API_KEY_VARIABLE,
    binary: options.binary.path,
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.rateLimitNudge === undefined ? {} : { rateLimitNudge: options.rateLimitNudge }),
    ...(options.mcpServer === undefined ? {} : { mcpServer: options.mcpServer }),
  });
  const global = await sandbox.tmux('show-environment', '-g');
  for (const name of INHERITED_VARIABLES_TO_DROP) {
    if (global.split('\n').some((line) => line.startsWith(`${name}=`))) await sandbox.tmux('set-environment', '-g', '-u', name);
  }
  const env = { CODEX_HOME: home.path, [API_KEY_VARIABLE]: 'sk-fake-tmux-orc-0000', PS1: '$ ' };
  const pathDirs = [home.binDir, ...(options.binary.resourcesDir === undefined ? [] : [options.binary.resourcesDir])];
  const common = { command: paneCommand(pathDirs, options.onExit ?? 'shell'), env, cwd: home.cwd, remainOnExit: options.remainOnExit ?? false };
  const window = options.window ?? 'codex';
  const { paneId } = (await sessionExists(sandbox, options.session))
    ? await sandbox.newWindow(options.session, window, common)
    : await sandbox.newSession(options.session, {
        ...common,
        window,
        ...(options.width === undefined ? {} : { width: options.width }),
        ...(options.height === undefined ? {} : { height: options.height }),
      });

  const panePid = Number(await sandbox.tmux('display-message', '-p', '-t', paneId, '#{pane_pid}'));
  const capture = (): Promise<string> => captureJoined(sandbox, paneId);
  const waitForScreen: CodexPane['waitForScreen'] = async (test, opts = {}) => {
    const accepts = typeof test === 'function' ? test : (screen: string) => test.test(screen);
    const timeoutMs = opts.timeoutMs ?? 15_000;
    const deadline = clock.now() + timeoutMs;
    let screen = '';
    for (;;) {
      screen = await capture();
      if (accepts(screen)) return screen;
      if (clock.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, opts.intervalMs ?? 100));
    }
    throw new TestkitError('SCREEN_TIMEOUT', `Expected pane ${paneId} to show ${String(test)} within ${timeoutMs} ms, got screen:\n${screen}`);
  };
  const type = async (text: string): Promise<void> => {
    await sandbox.tmux('send-keys', '-t', paneId, '-l', text);
  };
  const press = async (...keys: string[]): Promise<void> => {
    await sandbox.tmux('send-keys', '-t', paneId, ...keys);
  };
  const dispose = async (): Promise<void> => {
    const pids = await paneProcessIds(panePid);
    await sandbox.tmux('kill-pane', '-t', paneId).catch(() => undefined);
    await waitForExit(pids, clock);
    for (let attempt = 0; attempt < 5 && existsSync(home.path); attempt += 1) {
      await home.remove();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  return {
    paneId,
    home: home.path,
    cwd: home.cwd,
    capture,
    info: () => readPaneInfo(sandbox, paneId),
    waitForScreen,
    type,
    press,
    async submit(text) {
      await type(text);
      const tail = text.replace(/\s+/gu, ' ').slice(-20);
      await waitForScreen((screen) => screen.replace(/\s+/gu, ' ').includes(tail), { timeoutMs: 5000 });
      // Right after start Codex can drop an Enter; the draft then stays in the composer (its
      // lowest `›` line), so Enter is pressed again until it leaves.
      const draft = `› ${text.replace(/\s+/gu, ' ').slice(0, 40)}`;
      // A turn running or a dialog drawn means the Enter was taken: pressing again would answer the
      // dialog (a plan question's first option), and the user turn in the transcript also starts `› text`.
      const taken = /esc to interrupt|enter to submit|press enter to confirm/iu;
      const stillDrafted = (screen: string): boolean =>
        !taken.test(screen) && screen.split('\n').findLast((line) => line.trimStart().startsWith('›'))?.trim().startsWith(draft) === true;
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await press('Enter');
        const left = await waitForScreen((screen) => !stillDrafted(screen), { timeoutMs: 1500, intervalMs: 100 }).then(
          () => true,
          () => false,
        );
        if (left) return;
      }
    },
    dispose,
    [Symbol.asyncDispose]: dispose,
  };
}

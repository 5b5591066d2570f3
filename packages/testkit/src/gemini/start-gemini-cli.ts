import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MonotonicClock, systemMonotonicClock } from '@tmux-orc/clock';
import { captureJoined, type PaneInfo, readPaneInfo } from '../claude-code/pane-info.js';
import { waitForExit } from '../claude-code/pane-processes.js';
import { shellQuote } from '@tmux-orc/sim-fleet';
import { TestkitError } from '../testkit-error.js';
import type { TmuxSandbox, WaitForScreenOptions } from '@tmux-orc/sim-fleet';
import type { GeminiCli } from './gemini-cli-entry.js';
import { createGeminiHome, type GeminiSettingsOptions } from './gemini-home.js';
import { geminiInputText } from './gemini-input-line.js';
import { processTree } from './process-tree.js';

/** Gemini CLI's `--approval-mode` values. */
export type GeminiApprovalMode = 'default' | 'auto_edit' | 'yolo' | 'plan';

/** Options of {@link startGeminiCli}. */
export interface StartGeminiCliOptions {
  /** The CLI, from `findGeminiCli()`. */
  readonly cli: GeminiCli;
  /** Session to create; when it exists already, a window is added to it. */
  readonly session: string;
  /** Window name (default `gemini`). */
  readonly window?: string;
  /** Pane columns for a new session (default: the sandbox's). */
  readonly width?: number;
  /** Pane rows for a new session (default: the sandbox's). */
  readonly height?: number;
  /** Base URL of the fake Gemini API, e.g. `http://127.0.0.1:41234`. */
  readonly apiUrl: string;
  /** Settings written to `~/.gemini/settings.json` besides the fixed ones (error verbosity). */
  readonly settings?: GeminiSettingsOptions;
  /** Default `default`, which asks before tools run. */
  readonly approvalMode?: GeminiApprovalMode;
  /** Working directory; default a fresh temp directory (removed by `dispose`). */
  readonly cwd?: string;
  /** `GEMINI_API_KEY` (default a fake key, never a real one). */
  readonly apiKey?: string;
  /** `shell` (default): back to an interactive `sh` when Gemini CLI exits; `exit`: the pane's command ends. */
  readonly onExit?: 'shell' | 'exit';
  /** Keep the pane after its command exits (tmux `remain-on-exit`). Default false. */
  readonly remainOnExit?: boolean;
  /** Time source of `waitForScreen` deadlines (default `performance.now()`). */
  readonly clock?: MonotonicClock;
}

/** A Gemini CLI process running in a sandbox pane. */
export interface GeminiCliPane extends AsyncDisposable {
  readonly paneId: string;
  /** The temp `HOME` it runs with. */
  readonly home: string;
  /** Its working directory (resolved, no symlinks). */
  readonly cwd: string;
  /** The visible screen, wrapped lines joined. */
  capture(): Promise<string>;
  /** Title, current command, dead flag, size. */
  info(): Promise<PaneInfo>;
  /** Captures (joined) until `test` accepts the screen; throws `SCREEN_TIMEOUT` with the last screen. */
  waitForScreen(test: RegExp | ((screen: string) => boolean), opts?: WaitForScreenOptions): Promise<string>;
  /** Types `text` literally, without Enter. */
  type(text: string): Promise<void>;
  /** Sends tmux key names (`Enter`, `Escape`, `C-c`, …). */
  press(...keys: string[]): Promise<void>;
  /** Types `text`, waits until the screen shows it, presses Enter, and again (up to 3 times) while the input still holds it. */
  submit(text: string): Promise<void>;
  /** Removes the temp `HOME` (and the temp cwd when it made one). Does not kill the pane. */
  dispose(): Promise<void>;
}

const DEFAULT_API_KEY = 'AIza-test-tmux-orc-00000000000000000000000';

/** Variables of the surrounding environment that would point Gemini CLI at a real account or change its title. */
const INHERITED_VARIABLES_TO_DROP = [
  'GOOGLE_API_KEY',
  'GOOGLE_GENAI_USE_VERTEXAI',
  'GOOGLE_GENAI_USE_GCA',
  'GOOGLE_CLOUD_PROJECT',
  'GOOGLE_CLOUD_LOCATION',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'GOOGLE_VERTEX_BASE_URL',
  'GEMINI_MODEL',
  'GEMINI_CLI_HOME',
  'GEMINI_CLI_TRUSTED_FOLDERS_PATH',
  'CLI_TITLE',
  'CLOUD_SHELL',
];

/**
 * The pane's shell command, started by the name `gemini` as a user would (tmux 3.3 ignores
 * `-e PATH=…`, hence the assignment). `set -m` makes the CLI the foreground job, so
 * `pane_current_command` says what the CLI runs as: `node`.
 */
function paneCommand(binDir: string, args: readonly string[], onExit: 'shell' | 'exit'): string {
  const argv = args.map(shellQuote).join(' ');
  if (onExit === 'exit') return `${shellQuote(`${binDir}/gemini`)} ${argv}`;
  return `PATH=${shellQuote(binDir)}:"$PATH"; export PATH; set -m; gemini ${argv}; exec /bin/sh`;
}

async function dropInheritedVariables(sandbox: Pick<TmuxSandbox, 'tmux'>): Promise<void> {
  const global = await sandbox.tmux('show-environment', '-g');
  const present = new Set(global.split('\n').map((line) => line.split('=')[0] ?? ''));
  for (const name of INHERITED_VARIABLES_TO_DROP) {
    if (present.has(name)) await sandbox.tmux('set-environment', '-g', '-u', name);
  }
}

async function sessionExists(sandbox: Pick<TmuxSandbox, 'tmux'>, session: string): Promise<boolean> {
  return sandbox.tmux('has-session', '-t', `=${session}`).then(
    () => true,
    () => false,
  );
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ');

/**
 * Starts the real Gemini CLI in a new pane of `sandbox`, talking to `apiUrl` only
 * (`GOOGLE_GEMINI_BASE_URL`), with a fresh `HOME` whose `~/.gemini` selects API-key auth and
 * trusts the cwd. Resolves once the pane exists; wait for the input line with `waitForScreen`.
 */
export async function startGeminiCli(sandbox: TmuxSandbox, options: StartGeminiCliOptions): Promise<GeminiCliPane> {
  const clock = options.clock ?? systemMonotonicClock;
  const madeCwd = options.cwd === undefined ? await mkdtemp(join(tmpdir(), 'tmux-orc-gemini-cwd-')) : undefined;
  const cwd = await realpath(options.cwd ?? madeCwd ?? tmpdir());
  const home = await createGeminiHome({ cwd, entry: options.cli.path, ...(options.settings === undefined ? {} : { settings: options.settings }) });
  await dropInheritedVariables(sandbox);
  const env: Record<string, string> = {
    HOME: home.path,
    GEMINI_API_KEY: options.apiKey ?? DEFAULT_API_KEY,
    GOOGLE_GEMINI_BASE_URL: options.apiUrl,
    PS1: '$ ',
  };
  const command = paneCommand(home.binDir, ['--approval-mode', options.approvalMode ?? 'default'], options.onExit ?? 'shell');
  const window = options.window ?? 'gemini';
  const common = { command, env, cwd, remainOnExit: options.remainOnExit ?? false };
  const size = { ...(options.width === undefined ? {} : { width: options.width }), ...(options.height === undefined ? {} : { height: options.height }) };
  const { paneId } = (await sessionExists(sandbox, options.session))
    ? await sandbox.newWindow(options.session, window, common)
    : await sandbox.newSession(options.session, { ...common, window, ...size });

  const panePid = Number(await sandbox.tmux('display-message', '-p', '-t', paneId, '#{pane_pid}'));
  const capture = (): Promise<string> => captureJoined(sandbox, paneId);
  const waitForScreen: GeminiCliPane['waitForScreen'] = async (test, opts = {}) => {
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
    const pids = await processTree(panePid);
    await sandbox.tmux('kill-pane', '-t', paneId).catch(() => undefined);
    await waitForExit(pids, clock);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await home.remove();
      if (madeCwd !== undefined) await rm(madeCwd, { recursive: true, force: true, maxRetries: 5 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (!existsSync(home.path) && (madeCwd === undefined || !existsSync(madeCwd))) break;
    }
  };
  return {
    paneId,
    home: home.path,
    cwd,
    capture,
    info: () => readPaneInfo(sandbox, paneId),
    waitForScreen,
    type,
    press,
    async submit(text) {
      await type(text);
      const tail = collapse(text).slice(-20);
      await waitForScreen((screen) => collapse(screen).includes(tail), { timeoutMs: 5000 });
      await press('Enter');
      // On a loaded machine an Enter can reach the CLI with the last typed keys and be taken for
      // part of a paste: the text stays in the input. Enter again then; on an empty input it does nothing.
      const sent = (screen: string): boolean => !collapse(geminiInputText(screen) ?? '').includes(tail);
      for (let tries = 0; tries < 3; tries += 1) {
        const left = await waitForScreen(sent, { timeoutMs: 3000 }).then(
          () => true,
          () => false,
        );
        if (left) return;
        await press('Enter');
      }
    },
    dispose,
    [Symbol.asyncDispose]: dispose,
  };
}

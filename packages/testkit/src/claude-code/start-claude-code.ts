import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MonotonicClock, systemMonotonicClock } from '@tmux-orc/clock';
import { TestkitError } from '../testkit-error.js';
import type { TmuxSandbox, WaitForScreenOptions } from '@tmux-orc/sim-fleet';
import type { ClaudeCodeBinary } from './claude-code-binary.js';
import { type FirstRunDialog, createClaudeHome } from './claude-home.js';
import { captureJoined, type PaneInfo, readPaneInfo } from './pane-info.js';
import { paneProcessIds, waitForExit } from './pane-processes.js';
import { shellQuote } from '@tmux-orc/sim-fleet';

/** Claude Code's `--permission-mode` values. */
export type ClaudePermissionMode = 'default' | 'acceptEdits' | 'plan' | 'bypassPermissions';

/** Options of {@link startClaudeCode}. */
export interface StartClaudeCodeOptions {
  /** The native binary, from `findClaudeCodeBinary()`. */
  readonly binary: ClaudeCodeBinary;
  /** Session to create; when it exists already, a window is added to it. */
  readonly session: string;
  /** Window name (default `claude`). */
  readonly window?: string;
  /** Pane columns for a new session (default: the sandbox's). */
  readonly width?: number;
  /** Pane rows for a new session (default: the sandbox's). */
  readonly height?: number;
  /** Base URL of the fake Anthropic API, e.g. `http://127.0.0.1:41234`. */
  readonly apiUrl: string;
  /** Default `default`, which asks before tools run. */
  readonly permissionMode?: ClaudePermissionMode;
  /** First-run dialogs to leave unanswered (`api-key`, `folder-trust`): Claude Code starts at them. */
  readonly firstRunDialogs?: readonly FirstRunDialog[];
  /** Working directory; default a fresh temp directory (removed by `dispose`). */
  readonly cwd?: string;
  /** API key Claude Code sends (default `sk-ant-test-…`, never a real key). */
  readonly apiKey?: string;
  /** `CLAUDE_CODE_MAX_RETRIES`: how often Claude Code retries a failed request (its default is 10). */
  readonly maxRetries?: number;
  /**
   * What happens when Claude Code exits: `shell` (default) returns to an interactive `sh` in the
   * pane, as when a user started it from a shell; `exit` ends the pane's command (with
   * `remainOnExit` the pane stays, `pane_dead` = 1).
   */
  readonly onExit?: 'shell' | 'exit';
  /** Keep the pane after its command exits (tmux `remain-on-exit`). Default false. */
  readonly remainOnExit?: boolean;
  /** Time source of `waitForScreen` deadlines (default `performance.now()`). */
  readonly clock?: MonotonicClock;
}

/** A Claude Code process running in a sandbox pane. */
export interface ClaudeCodePane extends AsyncDisposable {
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
  /** Sends tmux key names (`Enter`, `Escape`, `C-u`, …). */
  press(...keys: string[]): Promise<void>;
  /** Types `text`, waits until the prompt box shows it, then presses Enter. */
  submit(text: string): Promise<void>;
  /** Removes the temp `HOME` (and the temp cwd when it made one). Does not kill the pane. */
  dispose(): Promise<void>;
}

const DEFAULT_API_KEY = 'sk-ant-test-tmux-orc-0000000000000000000000';

/** Variables of the surrounding environment that would point Claude Code at a real account. */
const INHERITED_VARIABLES_TO_DROP = [
  'ANTHROPIC_AUTH_TOKEN',
  'ANTHROPIC_MODEL',
  'ANTHROPIC_SMALL_FAST_MODEL',
  'ANTHROPIC_CUSTOM_HEADERS',
  'CLAUDE_CODE_OAUTH_TOKEN',
  'CLAUDE_CODE_USE_BEDROCK',
  'CLAUDE_CODE_USE_VERTEX',
  'CLAUDE_CONFIG_DIR',
  'CLAUDECODE',
  'CLAUDE_CODE_ENTRYPOINT',
];

/**
 * The pane's shell command. Claude Code is started by the name `claude`, as a user would, so tmux
 * reports `claude` as the pane's command (for a dead pane tmux shows the base name of the start
 * command's first word). tmux 3.3 ignores `-e PATH=…`, hence the assignment in the command.
 * `set -m` gives the shell job control, so Claude Code runs as the foreground job and
 * `pane_current_command` says `claude` (without it, `sh`).
 */
function paneCommand(binDir: string, args: readonly string[], onExit: 'shell' | 'exit'): string {
  const argv = args.map(shellQuote).join(' ');
  if (onExit === 'exit') return `${shellQuote(`${binDir}/claude`)} ${argv}`;
  return `PATH=${shellQuote(binDir)}:"$PATH"; export PATH; set -m; claude ${argv}; exec /bin/sh`;
}

/** Removes real-account variables the sandbox's server inherited from the test process. */
async function dropInheritedVariables(sandbox: Pick<TmuxSandbox, 'tmux'>): Promise<void> {
  const global = await sandbox.tmux('show-environment', '-g');
  const present = new Set(global.split('\n').map((line) => line.split('=')[0] ?? ''));
  for (const name of INHERITED_VARIABLES_TO_DROP) {
    if (present.has(name)) await sandbox.tmux('set-environment', '-g', '-u', name);
  }
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

async function sessionExists(sandbox: Pick<TmuxSandbox, 'tmux'>, session: string): Promise<boolean> {
  try {
    await sandbox.tmux('has-session', '-t', `=${session}`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the real Claude Code CLI in a new pane of `sandbox`, talking to `apiUrl` only, with a
 * fresh `HOME` whose `.claude.json` skips onboarding, key approval and the trust dialog.
 * Resolves once the pane exists; wait for the prompt box with `waitForScreen`.
 */
export async function startClaudeCode(sandbox: TmuxSandbox, options: StartClaudeCodeOptions): Promise<ClaudeCodePane> {
  if (options.maxRetries !== undefined && (!Number.isInteger(options.maxRetries) || options.maxRetries < 0)) {
    throw new TestkitError('INVALID_OPTION', `Expected \`maxRetries\` to be a non-negative integer, got \`${String(options.maxRetries)}\``);
  }
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const clock = options.clock ?? systemMonotonicClock;
  const madeCwd = options.cwd === undefined ? await mkdtemp(join(tmpdir(), 'tmux-orc-claude-cwd-')) : undefined;
  const cwd = await realpath(options.cwd ?? madeCwd ?? tmpdir());
  const home = await createClaudeHome({ apiKey, cwd, binary: options.binary.path, ask: options.firstRunDialogs ?? [] });
  await dropInheritedVariables(sandbox);
  const env: Record<string, string> = {
    HOME: home.path,
    ANTHROPIC_BASE_URL: options.apiUrl,
    ANTHROPIC_API_KEY: apiKey,
    DISABLE_AUTOUPDATER: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    PS1: '$ ',
    ...(options.maxRetries === undefined ? {} : { CLAUDE_CODE_MAX_RETRIES: String(options.maxRetries) }),
    // Claude Code refuses to bypass permissions as root unless it is told it runs in a sandbox (CI runs as root).
    ...(options.permissionMode === 'bypassPermissions' ? { IS_SANDBOX: '1' } : {}),
  };
  const command = paneCommand(home.binDir, ['--permission-mode', options.permissionMode ?? 'default'], options.onExit ?? 'shell');
  const window = options.window ?? 'claude';
  const common = { command, env, cwd, remainOnExit: options.remainOnExit ?? false };
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
  const waitForScreen: ClaudeCodePane['waitForScreen'] = async (test, opts = {}) => {
    const accepts = typeof test === 'function' ? test : (screen: string) => test.test(screen);
    const timeoutMs = opts.timeoutMs ?? 15_000;
    const intervalMs = opts.intervalMs ?? 100;
    const deadline = clock.now() + timeoutMs;
    let screen = '';
    for (;;) {
      screen = await capture();
      if (accepts(screen)) return screen;
      if (clock.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
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
    // Claude Code writes into HOME until it has ended, so the pane and its processes go first.
    const pids = await paneProcessIds(panePid);
    await sandbox.tmux('kill-pane', '-t', paneId).catch(() => undefined);
    await waitForExit(pids, clock);
    // If the sandbox died first, Claude Code was re-parented and is not in `pids`; it may still
    // recreate HOME while it shuts down, so removal is repeated until the directory stays gone.
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
      // Claude Code wraps long input itself inside the box, so compare with whitespace collapsed.
      const tail = collapse(text).slice(-20);
      await waitForScreen((screen) => collapse(screen).includes(tail), { timeoutMs: 5000 });
      await press('Enter');
    },
    dispose,
    [Symbol.asyncDispose]: dispose,
  };
}

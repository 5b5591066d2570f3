import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { type MonotonicClock, systemMonotonicClock } from '@tmux-orc/clock';
import { registerLiveSandbox } from './live-sandboxes.js';
import { isProcessRunning } from './process-running.js';
import { runTmux } from './run-tmux.js';
import { startServerWatchdog } from './server-watchdog.js';
import { type SpawnAgentsOptions, type SpawnedAgent, spawnAgents } from './spawn-agents.js';
import { SimFleetError } from './sim-fleet-error.js';
import { commandArguments, cwdArguments, environmentArguments, tmuxArgument } from './tmux-argument.js';

/** Options of {@link TmuxSandbox.newSession}. */
export interface NewSessionOptions {
  /** Name of the session's first window. */
  window?: string;
  /** Shell command run in the first pane (by `/bin/sh -c`); default: an interactive `/bin/sh`. */
  command?: string;
  /** Columns; default the sandbox's width. */
  width?: number;
  /** Rows; default the sandbox's height. */
  height?: number;
  /** Extra environment of the pane. */
  env?: Record<string, string>;
  /** Working directory of the pane. */
  cwd?: string;
  /** Keep the pane (dead, with `pane_dead_status`) after its command exits. Default false. */
  remainOnExit?: boolean;
}

/** Options of {@link TmuxSandbox.newWindow}. */
export interface NewWindowOptions {
  /** Shell command run in the pane (by `/bin/sh -c`); default: an interactive `/bin/sh`. */
  command?: string;
  /** Extra environment of the pane. */
  env?: Record<string, string>;
  /** Working directory of the pane. */
  cwd?: string;
  /** Keep the pane (dead, with `pane_dead_status`) after its command exits. Default false. */
  remainOnExit?: boolean;
}

/** Options of {@link TmuxSandbox.waitForScreen}. */
export interface WaitForScreenOptions {
  /** Give up after this many milliseconds (default 5000). */
  timeoutMs?: number;
  /** Capture every this many milliseconds (default 50). */
  intervalMs?: number;
}

/** A private tmux server for one test, always killed afterwards. */
export interface TmuxSandbox extends AsyncDisposable {
  /** `tmux-orc-test-<random>`, the `-L` socket name. */
  readonly socketName: string;
  /** The server, in the shape tmux-pool takes. */
  readonly server: { socketName: string };
  /** Absolute path of the server's socket. */
  readonly socketPath: string;
  /** Process id of the tmux server. */
  readonly serverPid: number;
  /** The session created with the server so it stays alive (`_sandbox`); it shows in `list-panes -a`. */
  readonly defaultSession: string;
  /** Default columns of new sessions. */
  readonly width: number;
  /** Default rows of new sessions. */
  readonly height: number;
  /** Runs `tmux -L <socket> …args` and resolves its stdout. Arguments are passed as-is (a lone `;` separates commands). */
  tmux(...args: string[]): Promise<string>;
  /** Creates a detached session; resolves its first pane's id. */
  newSession(name: string, opts?: NewSessionOptions): Promise<{ paneId: string }>;
  /** Adds a window to `session`; resolves its pane's id. */
  newWindow(session: string, name: string, opts?: NewWindowOptions): Promise<{ paneId: string }>;
  /** Creates `count` windows fast, in batched tmux invocations; see {@link SpawnAgentsOptions}. */
  spawnAgents(count: number, opts: SpawnAgentsOptions): Promise<SpawnedAgent[]>;
  /** Types `text` literally into the pane, then Enter. */
  sendLine(paneId: string, text: string): Promise<void>;
  /** The pane's visible screen text (rows joined by `\n`, trailing blanks trimmed by tmux). */
  capture(paneId: string): Promise<string>;
  /** Captures until `test` accepts the screen; throws `SCREEN_TIMEOUT` with the last screen on timeout. */
  waitForScreen(paneId: string, test: RegExp | ((screen: string) => boolean), opts?: WaitForScreenOptions): Promise<string>;
  /** Kills the server and waits until its process is gone. Idempotent. */
  kill(): Promise<void>;
}

/** Options of {@link createTmuxSandbox}. */
export interface TmuxSandboxOptions {
  /** Default columns of sessions (default 80). */
  width?: number;
  /** Default rows of sessions (default 24). */
  height?: number;
  /** Scrollback lines kept per pane (default 200: tests read screens, not history). */
  historyLimit?: number;
  /** Time source of `waitForScreen` (default `performance.now()`). */
  clock?: MonotonicClock;
  /** Socket name; default `tmux-orc-test-<random>`. Must start with `tmux-orc-test-` so leftovers are recognisable. */
  socketName?: string;
}

const SOCKET_PREFIX = 'tmux-orc-test-';
const DEFAULT_SESSION = '_sandbox';
const SERVER_EXIT_TIMEOUT_MS = 2000;

function requirePositiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new SimFleetError('INVALID_OPTION', `Expected \`${name}\` to be a positive integer, got \`${String(value)}\``);
  }
  return value;
}

function removeSocketFile(socketPath: string): void {
  try {
    unlinkSync(socketPath);
  } catch {
    // Already gone.
  }
}

/**
 * Starts a tmux server on a private socket (`tmux -L tmux-orc-test-<random> -f /dev/null`, so no
 * user configuration), with a default session so the server lives, small `history-limit`,
 * `remain-on-exit off`, and `/bin/sh` as default shell. The server is killed by `kill()`, by
 * `await using`, and — as a safety net — on process exit, SIGINT/SIGTERM/SIGHUP, and by a
 * watchdog process when this process dies without running any handler.
 */
export async function createTmuxSandbox(opts: TmuxSandboxOptions = {}): Promise<TmuxSandbox> {
  const width = requirePositiveInteger('width', opts.width ?? 80);
  const height = requirePositiveInteger('height', opts.height ?? 24);
  const historyLimit = requirePositiveInteger('historyLimit', opts.historyLimit ?? 200);
  const clock = opts.clock ?? systemMonotonicClock;
  const socketName = opts.socketName ?? `${SOCKET_PREFIX}${randomBytes(6).toString('hex')}`;
  if (!socketName.startsWith(SOCKET_PREFIX) || socketName.includes('/')) {
    throw new SimFleetError('INVALID_OPTION', `Expected \`socketName\` to start with \`${SOCKET_PREFIX}\` and contain no \`/\`, got \`${socketName}\``);
  }

  const size = `${String(width)}x${String(height)}`;
  const started = await runTmux(socketName, [
    '-f', '/dev/null',
    'set-option', '-g', 'default-shell', '/bin/sh', ';',
    'set-option', '-g', 'history-limit', String(historyLimit), ';',
    'set-option', '-g', 'default-size', size, ';',
    'set-option', '-g', 'remain-on-exit', 'off', ';',
    // The server survives even if a test kills every session.
    'set-option', '-s', 'exit-empty', 'off', ';',
    'new-session', '-d', '-s', DEFAULT_SESSION, '-n', DEFAULT_SESSION, '-x', String(width), '-y', String(height), ';',
    'display-message', '-p', '#{pid}\t#{socket_path}',
  ]);
  const [pidText = '', socketPath = ''] = started.trim().split('\t');
  const serverPid = Number(pidText);
  if (!Number.isInteger(serverPid) || serverPid <= 0 || socketPath === '') {
    throw new SimFleetError('TMUX_COMMAND_FAILED', `Expected the new tmux server on \`${socketName}\` to report "<pid>\\t<socket path>", got \`${started}\``);
  }

  const watchdog = startServerWatchdog(socketName, socketPath);
  const unregister = registerLiveSandbox({
    socketName,
    killNow() {
      // tmux exits cleanly on SIGTERM, closing every pane.
      if (isProcessRunning(serverPid)) process.kill(serverPid, 'SIGTERM');
      removeSocketFile(socketPath);
    },
  });

  let killing: Promise<void> | undefined;
  const assertAlive = (): void => {
    if (killing !== undefined) {
      throw new SimFleetError('SANDBOX_KILLED', `Expected the tmux sandbox \`${socketName}\` to be alive, got a killed sandbox`);
    }
  };
  const tmux = async (...args: string[]): Promise<string> => {
    assertAlive();
    return runTmux(socketName, args);
  };

  async function killServer(): Promise<void> {
    try {
      await runTmux(socketName, ['kill-server']);
    } catch {
      // The server may be gone already (a test killed it, or it crashed): that is the goal anyway.
    }
    const deadline = clock.now() + SERVER_EXIT_TIMEOUT_MS;
    while (isProcessRunning(serverPid) && clock.now() < deadline) await sleep(5);
    if (isProcessRunning(serverPid)) {
      try {
        process.kill(serverPid, 'SIGKILL');
      } catch {
        // It exited between the check and the kill.
      }
    }
    removeSocketFile(socketPath);
    unregister();
    await watchdog.stop();
  }

  const sandbox: TmuxSandbox = {
    socketName,
    server: { socketName },
    socketPath,
    serverPid,
    defaultSession: DEFAULT_SESSION,
    width,
    height,
    tmux,

    async newSession(name, options = {}) {
      const paneId = await tmux(
        'new-session', '-d', '-s', tmuxArgument(name),
        ...(options.window === undefined ? [] : ['-n', tmuxArgument(options.window)]),
        '-x', String(requirePositiveInteger('width', options.width ?? width)),
        '-y', String(requirePositiveInteger('height', options.height ?? height)),
        ...environmentArguments(options.env),
        ...cwdArguments(options.cwd),
        '-P', '-F', '#{pane_id}',
        ...commandArguments(options.command),
        // new-session makes its window the current one: this applies to it, before its command can exit.
        ...(options.remainOnExit === true ? [';', 'set-option', '-w', 'remain-on-exit', 'on'] : []),
      );
      return { paneId: paneId.trim() };
    },

    async newWindow(session, name, options = {}) {
      const remain = options.remainOnExit === true;
      const paneId = await tmux(
        // Without -d the new window is the current one, so the chained set-option applies to it
        // atomically (before its command can exit); last-window then restores the previous one.
        'new-window', ...(remain ? [] : ['-d']), '-t', tmuxArgument(`=${session}:`), '-n', tmuxArgument(name),
        ...environmentArguments(options.env),
        ...cwdArguments(options.cwd),
        '-P', '-F', '#{pane_id}',
        ...commandArguments(options.command),
        ...(remain ? [';', 'set-option', '-w', 'remain-on-exit', 'on', ';', 'last-window', '-t', tmuxArgument(`=${session}:`)] : []),
      );
      return { paneId: paneId.trim() };
    },

    async spawnAgents(count, options) {
      assertAlive();
      return spawnAgents(sandbox, count, options);
    },

    async sendLine(paneId, text) {
      await tmux('send-keys', '-t', paneId, '-l', tmuxArgument(text), ';', 'send-keys', '-t', paneId, 'Enter');
    },

    async capture(paneId) {
      return tmux('capture-pane', '-p', '-t', paneId);
    },

    async waitForScreen(paneId, test, options = {}) {
      const timeoutMs = options.timeoutMs ?? 5000;
      const intervalMs = options.intervalMs ?? 50;
      const accepts = typeof test === 'function' ? test : (screen: string) => test.test(screen);
      const deadline = clock.now() + timeoutMs;
      for (;;) {
        const screen = await sandbox.capture(paneId);
        if (accepts(screen)) return screen;
        if (clock.now() >= deadline) {
          const wanted = typeof test === 'function' ? 'the screen test to pass' : `a screen matching ${String(test)}`;
          throw new SimFleetError(
            'SCREEN_TIMEOUT',
            `Expected ${wanted} in pane ${paneId} of \`${socketName}\` within ${String(timeoutMs)} ms, got this screen:\n${screen}`,
          );
        }
        await sleep(intervalMs);
      }
    },

    kill() {
      killing ??= killServer();
      return killing;
    },

    [Symbol.asyncDispose]() {
      return sandbox.kill();
    },
  };
  return sandbox;
}

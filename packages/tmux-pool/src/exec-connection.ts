import { TmuxCommandError } from './errors/tmux-command-error.js';
import { TmuxControlModeUnavailableError } from './errors/tmux-control-mode-unavailable-error.js';
import { TmuxServerGoneError } from './errors/tmux-server-gone-error.js';
import { TmuxTimeoutError } from './errors/tmux-timeout-error.js';
import { toExecArgv } from './quote.js';
import { saysServerGone } from './server-gone.js';
import type { RunOptions, TmuxConnection } from './runner.js';
import { type TmuxServer, describeServer } from './server.js';
import { sshFailure } from './ssh-failure.js';
import { tmuxInvocation } from './tmux-invocation.js';

/** Options of an exec connection. */
export interface ExecConnectionOptions {
  /** Default per-command timeout in ms (5000). */
  readonly commandTimeoutMs?: number;
  /** The tmux binary (`tmux`). */
  readonly tmuxPath?: string;
}

/**
 * Runs every command as its own `tmux` process (on another host: its own ssh session, over the
 * host's shared master connection). Slow (a process per command) but needs nothing
 * beyond a tmux binary: the fallback transport, and the baseline benchmarks compare against.
 */
export class ExecConnection implements TmuxConnection {
  readonly transport = 'exec' as const;
  readonly healthy = true;
  private running = 0;
  private readonly commandTimeoutMs: number;
  private readonly tmuxPath: string;

  constructor(
    private readonly server: TmuxServer,
    options: ExecConnectionOptions = {},
  ) {
    this.commandTimeoutMs = options.commandTimeoutMs ?? 5000;
    this.tmuxPath = options.tmuxPath ?? 'tmux';
  }

  get inFlight(): number {
    return this.running;
  }

  /**
   * On an SSH host, the first command opens the master connection; the others wait for it, or
   * each would open its own (ssh lets only one become the master): N handshakes at once.
   */
  private master: Promise<unknown> | undefined;

  async run(args: readonly string[], options?: RunOptions): Promise<string[]> {
    if (this.server.ssh === undefined) return this.runProcess(args, options);
    if (this.master === undefined) {
      const first = this.runProcess(args, options);
      this.master = first.catch(() => {
        this.master = undefined;
      });
      return first;
    }
    await this.master;
    return this.runProcess(args, options);
  }

  private async runProcess(args: readonly string[], options?: RunOptions): Promise<string[]> {
    const timeoutMs = options?.timeoutMs ?? this.commandTimeoutMs;
    this.running += 1;
    try {
      const { file, args: argv } = tmuxInvocation(this.tmuxPath, this.server, toExecArgv(args));
      // Loaded on first use: a pool on control mode never needs execa (≈6 MB resident).
      const { execa } = await import('execa');
      const result = await execa(file, argv, {
        reject: false,
        timeout: timeoutMs,
        stdin: 'ignore',
        // execa would strip a final \r\n; only tmux's own final \n is ours to drop.
        stripFinalNewline: false,
      });
      if (result.timedOut) throw new TmuxTimeoutError(args, timeoutMs);
      if (result.failed) {
        const message = String(result.stderr || result.stdout || result.shortMessage || '').trim();
        const unreachable = sshFailure(this.server, result.exitCode, message);
        if (unreachable !== undefined) throw new TmuxServerGoneError(describeServer(this.server), unreachable);
        if (result.exitCode === undefined) throw new TmuxControlModeUnavailableError(`cannot run ${this.tmuxPath}: ${message}`);
        if (saysServerGone(message)) throw new TmuxServerGoneError(describeServer(this.server), message);
        throw new TmuxCommandError(args, message);
      }
      const stdout = String(result.stdout ?? '');
      if (stdout === '') return [];
      return (stdout.endsWith('\n') ? stdout.slice(0, -1) : stdout).split('\n');
    } finally {
      this.running -= 1;
    }
  }

  async close(): Promise<void> {
    // Nothing persistent to end: each command's process is gone when its promise settles.
  }
}

import { systemTimers, type TimerHandle, type TimerProvider } from '@tmux-orc/clock';
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { trackChild } from './child-registry.js';
import { type ControlNotification, ControlProtocolParser, type ControlReply } from './control-protocol.js';
import { TmuxCommandError } from './errors/tmux-command-error.js';
import { TmuxConnectionClosedError } from './errors/tmux-connection-closed-error.js';
import { TmuxControlModeUnavailableError } from './errors/tmux-control-mode-unavailable-error.js';
import { TmuxNoSessionsError } from './errors/tmux-no-sessions-error.js';
import type { TmuxPoolError } from './errors/tmux-pool-error.js';
import { TmuxServerGoneError } from './errors/tmux-server-gone-error.js';
import { TmuxTimeoutError } from './errors/tmux-timeout-error.js';
import { toControlLine } from './quote.js';
import type { RunOptions, TmuxConnection } from './runner.js';
import { type TmuxServer, describeServer, serverArgs } from './server.js';

/** Options of a control-mode connection. */
export interface ControlModeConnectionOptions {
  readonly server: TmuxServer;
  /** Default per-command timeout in ms (5000). */
  readonly commandTimeoutMs?: number;
  /** How long to wait for the client to attach, in ms (5000). */
  readonly connectTimeoutMs?: number;
  /** The tmux binary (`tmux`). */
  readonly tmuxPath?: string;
  /** Schedules the command, attach and close timeouts (`systemTimers`). */
  readonly timers?: TimerProvider;
}

interface PendingCommand {
  readonly args: readonly string[];
  settled: boolean;
  timer: TimerHandle | undefined;
  resolve(lines: string[]): void;
  reject(error: Error): void;
}

/** What `tmux list-sessions` says about a server: it answers, it is not running, or it is stalled. */
type ServerProbe = 'answers' | 'gone' | 'stalled';

/**
 * Asks the server with `tmux list-sessions` (an answer with no sessions counts as answering). A
 * missing tmux binary also counts as answering: the attach that follows reports that more precisely.
 * The probe is SIGKILLed at its deadline: a tmux client ignores SIGTERM while its server is stopped
 * (it waits for the server to acknowledge its exit), which used to hang the probe, and with it every
 * command waiting for a connection, until the server woke up.
 */
function probeServer(tmuxPath: string, server: TmuxServer, timeoutMs: number): Promise<ServerProbe> {
  return new Promise((resolve) => {
    execFile(tmuxPath, [...serverArgs(server), 'list-sessions'], { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, _stdout, stderr) => {
      if (error === null) resolve('answers');
      else if (/no server running|error connecting|server exited/i.test(String(stderr))) resolve('gone');
      else if (error.killed) resolve('stalled');
      else resolve('answers');
    });
  });
}

/** How long a probe of the server may take: short, and never longer than a command may. */
function probeTimeoutMs(commandTimeoutMs: number): number {
  return Math.min(2000, commandTimeoutMs);
}

const GONE_PATTERN = /no server running|server exited|lost server|connection refused|error connecting/i;

/**
 * One persistent `tmux -C attach -f no-output,ignore-size` client. Commands are written as lines and
 * pipelined; tmux answers them in order, so replies are matched first-in first-out. A command that
 * times out keeps its place in the queue so that its late reply is discarded, not given to the next.
 */
export class ControlModeConnection implements TmuxConnection {
  readonly transport = 'control' as const;
  private readonly pending: PendingCommand[] = [];
  private readonly listeners = new Set<(notification: ControlNotification) => void>();
  private readonly commandTimeoutMs: number;
  private closedError: TmuxPoolError | undefined;
  private stderrText = '';
  private exitNote = '';
  private timedOut = false;
  private ended = false;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly server: TmuxServer,
    private readonly tmuxPath: string,
    commandTimeoutMs: number,
    private readonly timers: TimerProvider,
    attached: (error: TmuxPoolError | undefined) => void,
  ) {
    this.commandTimeoutMs = commandTimeoutMs;
    let attachPending = true;
    const parser = new ControlProtocolParser({
      reply: (reply) => {
        if (!reply.fromClient) {
          if (attachPending) {
            attachPending = false;
            attached(reply.ok ? undefined : this.attachError(reply));
          }
          return;
        }
        this.settleNext(reply);
      },
      notification: (notification) => {
        if (notification.name === 'exit') this.exitNote = notification.args;
        for (const listener of this.listeners) listener(notification);
      },
    });
    let partial = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const part of parts) parser.line(part);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.stderrText = (this.stderrText + chunk).slice(-2000);
    });
    child.stdin.on('error', () => {
      // EPIPE after the client exited; the 'exit' handler reports it.
    });
    child.once('exit', () => {
      this.ended = true;
    });
    this.exited = new Promise((resolve) => {
      child.once('close', async () => {
        const error = this.closedError ?? (await this.exitError());
        this.closedError = error;
        if (attachPending) {
          attachPending = false;
          attached(error);
        }
        for (const command of this.pending.splice(0)) this.fail(command, error);
        resolve();
      });
    });
  }

  /** Starts a client and resolves once it is attached. Rejects with a typed error when it cannot attach. */
  static async connect(options: ControlModeConnectionOptions): Promise<ControlModeConnection> {
    const tmuxPath = options.tmuxPath ?? 'tmux';
    const timers = options.timers ?? systemTimers;
    // attach-session would start a server that is not running (and it would exit again at once);
    // asking first keeps "server down" distinct from "no sessions" and starts nothing.
    const commandTimeoutMs = options.commandTimeoutMs ?? 5000;
    const probe = await probeServer(tmuxPath, options.server, probeTimeoutMs(commandTimeoutMs));
    if (probe === 'gone') throw new TmuxServerGoneError(describeServer(options.server), 'no server running');
    // A stopped or overloaded server is no reason to give up on control mode: the command fails, the next one tries again.
    if (probe === 'stalled') throw new TmuxTimeoutError(['list-sessions'], probeTimeoutMs(commandTimeoutMs));
    const args = [...serverArgs(options.server), '-C', 'attach-session', '-f', 'no-output,ignore-size'];
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(tmuxPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (cause) {
      throw new TmuxControlModeUnavailableError(`cannot start ${tmuxPath}`, { cause });
    }
    trackChild(child);
    const spawnFailed = new Promise<TmuxPoolError>((resolve) => {
      child.once('error', (cause) => resolve(new TmuxControlModeUnavailableError(`cannot start ${tmuxPath}: ${cause.message}`, { cause })));
    });
    let connection: ControlModeConnection | undefined;
    const attachedResult = new Promise<TmuxPoolError | undefined>((resolve) => {
      connection = new ControlModeConnection(child, options.server, tmuxPath, commandTimeoutMs, timers, resolve);
    });
    const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
    let timer: TimerHandle | undefined;
    const timedOut = new Promise<TmuxPoolError>((resolve) => {
      timer = timers.setTimeout(
        () => resolve(new TmuxControlModeUnavailableError(`no answer from tmux -C within ${connectTimeoutMs} ms`)),
        connectTimeoutMs,
      );
    });
    let error = await Promise.race([attachedResult, spawnFailed, timedOut]);
    timers.clearTimeout(timer);
    if (connection === undefined) throw new TmuxControlModeUnavailableError('internal: connection not constructed');
    if (error instanceof TmuxControlModeUnavailableError && error.message.includes('no answer from tmux -C')) {
      // The server may have stalled between the probe and the attach: that is not control mode failing.
      const again = await probeServer(tmuxPath, options.server, probeTimeoutMs(commandTimeoutMs));
      if (again === 'gone') error = new TmuxServerGoneError(describeServer(options.server), 'no server running');
      if (again === 'stalled') error = new TmuxTimeoutError(['attach-session'], connectTimeoutMs);
    }
    if (error !== undefined) {
      await connection.close();
      throw error;
    }
    return connection;
  }

  /** Commands written and not yet answered (including timed-out ones whose reply is still due). */
  get inFlight(): number {
    return this.pending.length;
  }

  /** False once the client exited, was closed, or a command timed out (tmux may be stalled). */
  get healthy(): boolean {
    return this.closedError === undefined && !this.timedOut && !this.ended;
  }

  /** Process id of the `tmux -C` client. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Subscribes to notifications (`%sessions-changed`, `%window-add`, `%exit`…); returns an unsubscribe. */
  onNotification(listener: (notification: ControlNotification) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  run(args: readonly string[], options?: RunOptions): Promise<string[]> {
    if (this.closedError !== undefined) return Promise.reject(this.closedError);
    const timeoutMs = options?.timeoutMs ?? this.commandTimeoutMs;
    return new Promise<string[]>((resolve, reject) => {
      const command: PendingCommand = { args, settled: false, timer: undefined, resolve, reject };
      command.timer = this.timers.setTimeout(() => {
        this.timedOut = true;
        this.fail(command, new TmuxTimeoutError(args, timeoutMs));
      }, timeoutMs);
      this.pending.push(command);
      this.child.stdin.write(`${toControlLine(args)}\n`);
    });
  }

  /** Ends the client: closes its stdin, then signals it if it lingers. Never leaves the child behind. */
  async close(): Promise<void> {
    this.closedError ??= new TmuxConnectionClosedError('closed by the caller');
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.stdin.end();
      const lingering = this.timers.setTimeout(() => this.child.kill('SIGTERM'), 500);
      const stubborn = this.timers.setTimeout(() => this.child.kill('SIGKILL'), 2000);
      await this.exited;
      this.timers.clearTimeout(lingering);
      this.timers.clearTimeout(stubborn);
    }
    await this.exited;
  }

  private settleNext(reply: ControlReply): void {
    const command = this.pending.shift();
    if (command === undefined || command.settled) return;
    command.settled = true;
    this.timers.clearTimeout(command.timer);
    if (reply.ok) command.resolve(reply.lines);
    else command.reject(new TmuxCommandError(command.args, reply.lines.join('\n')));
  }

  private fail(command: PendingCommand, error: Error): void {
    if (command.settled) return;
    command.settled = true;
    this.timers.clearTimeout(command.timer);
    command.reject(error);
  }

  private attachError(reply: ControlReply): TmuxPoolError {
    const message = reply.lines.join('\n');
    if (/no sessions/i.test(message)) return new TmuxNoSessionsError(describeServer(this.server));
    return new TmuxControlModeUnavailableError(`attach failed: ${message}`);
  }

  /**
   * Why the client exited when we did not close it. tmux says little when its server is killed (a
   * bare `%exit`), so an unexplained exit is settled by asking the server whether it still runs.
   */
  private async exitError(): Promise<TmuxPoolError> {
    const detail = [this.exitNote, this.stderrText.trim()].filter(Boolean).join('; ') || 'the control client exited';
    if (GONE_PATTERN.test(detail)) return new TmuxServerGoneError(describeServer(this.server), detail);
    const alive = (await probeServer(this.tmuxPath, this.server, probeTimeoutMs(this.commandTimeoutMs))) !== 'gone';
    if (!alive) return new TmuxServerGoneError(describeServer(this.server), `${detail}; the server no longer answers`);
    return new TmuxConnectionClosedError(detail);
  }
}

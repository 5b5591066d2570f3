import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { type AttachGate, createAttachGate, spawnControlClient } from './attach-client.js';
import { type ControlModeConnectionOptions, type ResolvedControlModeOptions, resolveControlModeOptions } from './control-mode-options.js';
import { type ControlNotification, ControlProtocolParser, type ControlReply } from './control-protocol.js';
import { CommandQueue } from './command-queue.js';
import { endClient } from './end-client.js';
import { explainClientExit } from './explain-exit.js';
import { TmuxConnectionClosedError } from './errors/tmux-connection-closed-error.js';
import { TmuxControlModeUnavailableError } from './errors/tmux-control-mode-unavailable-error.js';
import { TmuxNoSessionsError } from './errors/tmux-no-sessions-error.js';
import type { TmuxPoolError } from './errors/tmux-pool-error.js';
import { probeError, probeServer } from './probe-server.js';
import { toControlLine } from './quote.js';
import type { RunOptions, TmuxConnection } from './runner.js';
import { describeServer } from './server.js';

/**
 * One persistent `tmux -C attach -f no-output,ignore-size` client. Commands are written as lines and
 * pipelined; tmux answers them in order, so replies are matched first-in first-out (`CommandQueue`).
 */
export class ControlModeConnection implements TmuxConnection {
  readonly transport = 'control' as const;
  private readonly pending: CommandQueue;
  private readonly listeners = new Set<(notification: ControlNotification) => void>();
  private readonly attach: AttachGate;
  /** Resolves once the client process is gone (closed by us, killed, or its server ended), its commands failed. */
  readonly exited: Promise<void>;
  private closedError: TmuxPoolError | undefined;
  private stderrText = '';
  private exitNote = '';
  private timedOut = false;
  private ended = false;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly options: ResolvedControlModeOptions,
  ) {
    this.pending = new CommandQueue(options.timers, () => {
      this.timedOut = true;
    });
    this.attach = createAttachGate(options.server, options.connectTimeoutMs, options.timers);
    const parser = new ControlProtocolParser({
      // Replies not typed by us answer the attach itself.
      reply: (reply) => (reply.fromClient ? this.pending.answer(reply) : this.attach.settle(reply.ok ? undefined : this.attachError(reply))),
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
    // EPIPE after the client exited; the 'close' handler reports it.
    child.stdin.on('error', () => {});
    child.once('error', (cause) => this.attach.settle(new TmuxControlModeUnavailableError(`cannot start ${options.tmuxPath}: ${cause.message}`, { cause })));
    child.once('exit', () => {
      this.ended = true;
    });
    this.exited = new Promise((resolve) => {
      child.once('close', async () => {
        const error = this.closedError ?? (await explainClientExit(this.exitNote, this.stderrText, this.options));
        this.closedError = error;
        this.attach.settle(error);
        this.pending.failAll(error);
        resolve();
      });
    });
  }

  /**
   * Starts a client and resolves once it is attached. Rejects with `TMUX_SERVER_GONE` (no server;
   * nothing is started), `TMUX_TIMEOUT` (the server is stalled), `TMUX_NO_SESSIONS`,
   * `TMUX_ATTACH_TIMEOUT` or `TMUX_CONTROL_MODE_UNAVAILABLE`.
   */
  static async connect(options: ControlModeConnectionOptions): Promise<ControlModeConnection> {
    const resolved = resolveControlModeOptions(options);
    // attach-session would start a server that is not running (and it would exit again at once);
    // asking first keeps "server down" distinct from "no sessions" and starts nothing.
    const before = probeError(await probeServer(resolved), resolved.server, 'list-sessions', resolved.probeTimeoutMs);
    if (before !== undefined) throw before;
    const connection = new ControlModeConnection(spawnControlClient(resolved.tmuxPath, resolved.server), resolved);
    let error = await connection.attach.outcome;
    if (error?.code === 'TMUX_ATTACH_TIMEOUT') {
      // The server may have stalled or died between the probe and the attach: that is not control mode failing.
      error = probeError(await probeServer(resolved), resolved.server, 'attach-session', resolved.connectTimeoutMs) ?? error;
    }
    if (error === undefined) return connection;
    await connection.close();
    throw error;
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
    const reply = this.pending.add(args, options?.timeoutMs ?? this.options.commandTimeoutMs);
    this.child.stdin.write(`${toControlLine(args)}\n`);
    return reply;
  }

  /** Ends the client (see `endClient`); later commands fail with `TmuxConnectionClosedError`. */
  async close(): Promise<void> {
    this.closedError ??= new TmuxConnectionClosedError('closed by the caller');
    await endClient(this.child, this.exited, this.options);
  }

  private attachError(reply: ControlReply): TmuxPoolError {
    const message = reply.lines.join('\n');
    if (/no sessions/i.test(message)) return new TmuxNoSessionsError(describeServer(this.options.server));
    return new TmuxControlModeUnavailableError(`attach failed: ${message}`);
  }
}

import type { TimerHandle, TimerProvider } from '@tmux-orc/clock';
import type { ControlReply } from './control-protocol.js';
import { TmuxCommandError } from './errors/tmux-command-error.js';
import { TmuxTimeoutError } from './errors/tmux-timeout-error.js';

interface PendingCommand {
  readonly args: readonly string[];
  settled: boolean;
  timer: TimerHandle | undefined;
  resolve(lines: string[]): void;
  reject(error: Error): void;
}

/**
 * The commands written to a control client and not yet answered, in order: tmux answers in order,
 * so each reply settles the oldest. A command that times out keeps its place, so that its late
 * reply is discarded, never given to the next command.
 */
export class CommandQueue {
  private readonly pending: PendingCommand[] = [];

  constructor(
    private readonly timers: TimerProvider,
    /** Called when a command times out (the client may be stalled). */
    private readonly onTimeout: () => void,
  ) {}

  /** Commands waiting for a reply, timed-out ones included. */
  get length(): number {
    return this.pending.length;
  }

  /** Queues `args`; the promise settles with its reply, its error, or a timeout after `timeoutMs`. */
  add(args: readonly string[], timeoutMs: number): Promise<string[]> {
    return new Promise<string[]>((resolve, reject) => {
      const command: PendingCommand = { args, settled: false, timer: undefined, resolve, reject };
      command.timer = this.timers.setTimeout(() => {
        this.onTimeout();
        this.fail(command, new TmuxTimeoutError(args, timeoutMs));
      }, timeoutMs);
      this.pending.push(command);
    });
  }

  /** Settles the oldest command with `reply`. */
  answer(reply: ControlReply): void {
    const command = this.pending.shift();
    if (command === undefined) return;
    if (reply.ok) this.settle(command, () => command.resolve(reply.lines));
    else this.fail(command, new TmuxCommandError(command.args, reply.lines.join('\n')));
  }

  /** Rejects every waiting command with `error` and empties the queue. */
  failAll(error: Error): void {
    for (const command of this.pending.splice(0)) this.fail(command, error);
  }

  private fail(command: PendingCommand, error: Error): void {
    this.settle(command, () => command.reject(error));
  }

  private settle(command: PendingCommand, outcome: () => void): void {
    if (command.settled) return;
    command.settled = true;
    this.timers.clearTimeout(command.timer);
    outcome();
  }
}

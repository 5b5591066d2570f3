import { execFile } from 'node:child_process';
import type { TimerProvider } from '@tmux-orc/clock';
import type { TmuxPoolError } from './errors/tmux-pool-error.js';
import { TmuxServerGoneError } from './errors/tmux-server-gone-error.js';
import { TmuxTimeoutError } from './errors/tmux-timeout-error.js';
import { saysServerGone } from './server-gone.js';
import { type TmuxServer, describeServer } from './server.js';
import { sshFailure } from './ssh-failure.js';
import { tmuxInvocation } from './tmux-invocation.js';

/**
 * What `tmux list-sessions` says about a server: it answers, it is not running (or, on another
 * host, ssh cannot reach it: `detail` says which), or it is stalled.
 */
export interface ServerProbe {
  readonly kind: 'answers' | 'gone' | 'stalled';
  /** Why it is gone: `no server running`, or ssh's complaint. */
  readonly detail: string;
}

/** Where and how long to probe. */
export interface ProbeTarget {
  readonly tmuxPath: string;
  readonly server: TmuxServer;
  readonly probeTimeoutMs: number;
  readonly timers: TimerProvider;
}

/**
 * Asks the server with `tmux list-sessions` (an answer with no sessions counts as answering). A
 * missing tmux binary also counts as answering: the attach that follows reports that more precisely.
 * The probe is SIGKILLed at its deadline: a tmux client ignores SIGTERM while its server is stopped
 * (it waits for the server to acknowledge its exit), which used to hang the probe, and with it every
 * command waiting for a connection, until the server woke up.
 */
export function probeServer(target: ProbeTarget): Promise<ServerProbe> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (kind: ServerProbe['kind'], detail = ''): void => {
      if (settled) return;
      settled = true;
      target.timers.clearTimeout(deadline);
      resolve({ kind, detail });
    };
    const { file, args } = tmuxInvocation(target.tmuxPath, target.server, ['list-sessions']);
    const child = execFile(file, args, (error, _stdout, stderr) => {
      if (error === null) return settle('answers');
      const unreachable = sshFailure(target.server, typeof error.code === 'number' ? error.code : undefined, String(stderr));
      if (unreachable !== undefined) return settle('gone', unreachable);
      settle(saysServerGone(String(stderr)) ? 'gone' : 'answers', 'no server running');
    });
    // Settled at once, like execFile's own timeout: the killed client's pipes may close later.
    const deadline = target.timers.setTimeout(() => {
      child.kill('SIGKILL');
      settle('stalled');
    }, target.probeTimeoutMs);
  });
}

/**
 * The error a probe result means before an attach: none when the server answers, `TMUX_SERVER_GONE`
 * when it is not running, `TMUX_TIMEOUT` (naming `command` and `timeoutMs`) when it is stalled: a
 * stopped or overloaded server is no reason to give up on control mode.
 */
export function probeError(probe: ServerProbe, server: TmuxServer, command: string, timeoutMs: number): TmuxPoolError | undefined {
  if (probe.kind === 'gone') return new TmuxServerGoneError(describeServer(server), probe.detail);
  if (probe.kind === 'stalled') return new TmuxTimeoutError([command], timeoutMs);
  return undefined;
}

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import type { TimerProvider } from '@tmux-orc/clock';
import { trackChild } from './child-registry.js';
import { TmuxAttachTimeoutError } from './errors/tmux-attach-timeout-error.js';
import { TmuxControlModeUnavailableError } from './errors/tmux-control-mode-unavailable-error.js';
import type { TmuxPoolError } from './errors/tmux-pool-error.js';
import { type TmuxServer, describeServer } from './server.js';
import { tmuxInvocation } from './tmux-invocation.js';

/**
 * Starts `tmux -C attach-session -f no-output,ignore-size`: no pane output is streamed (content is
 * read with capture-pane) and the client never resizes anyone's windows. The child is tracked so
 * it dies with this process. On another host the client runs there, its stdin and stdout carried
 * by one ssh process (a session of the host's master connection).
 */
export function spawnControlClient(tmuxPath: string, server: TmuxServer): ChildProcessWithoutNullStreams {
  const { file, args } = tmuxInvocation(tmuxPath, server, ['-C', 'attach-session', '-f', 'no-output,ignore-size']);
  let child: ChildProcessWithoutNullStreams;
  try {
    child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (cause) {
    throw new TmuxControlModeUnavailableError(`cannot start ${file}`, { cause });
  }
  trackChild(child);
  return child;
}

/**
 * The outcome of an attach, settled once by whichever comes first: tmux's reply to the attach,
 * the spawn failing, the client exiting, or the connect timeout.
 */
export interface AttachGate {
  /** `undefined` once attached; the error that ended the attempt otherwise. */
  readonly outcome: Promise<TmuxPoolError | undefined>;
  /** True until the outcome is known. */
  readonly pending: boolean;
  /** Settles the outcome; later calls are ignored. */
  settle(error: TmuxPoolError | undefined): void;
}

/** Opens a gate that settles with `TmuxAttachTimeoutError` after `timeoutMs` unless settled before. */
export function createAttachGate(server: TmuxServer, timeoutMs: number, timers: TimerProvider): AttachGate {
  let pending = true;
  let resolve: (error: TmuxPoolError | undefined) => void = () => {};
  const outcome = new Promise<TmuxPoolError | undefined>((settle) => {
    resolve = settle;
  });
  const settle = (error: TmuxPoolError | undefined): void => {
    if (!pending) return;
    pending = false;
    timers.clearTimeout(timer);
    resolve(error);
  };
  const timer = timers.setTimeout(() => settle(new TmuxAttachTimeoutError(describeServer(server), timeoutMs)), timeoutMs);
  return {
    outcome,
    get pending() {
      return pending;
    },
    settle,
  };
}

import { systemTimers, type TimerProvider } from '@tmux-orc/clock';
import { TmuxInvalidOptionError } from './errors/invalid-option-error.js';
import type { TmuxServer } from './server.js';

/** Options of a control-mode connection. Every duration is in milliseconds. */
export interface ControlModeConnectionOptions {
  readonly server: TmuxServer;
  /** Default per-command timeout (5000). */
  readonly commandTimeoutMs?: number;
  /** How long the client may take to attach before `TmuxAttachTimeoutError` (5000). */
  readonly connectTimeoutMs?: number;
  /**
   * How long the `list-sessions` probe before an attach (and after an unexplained exit) may take
   * before the server counts as stalled (the smaller of 2000 and `commandTimeoutMs`; on another
   * host 8000, as the first probe also opens the SSH connection).
   */
  readonly probeTimeoutMs?: number;
  /** After `close()` ends the client's stdin, how long it may linger before SIGTERM (500). */
  readonly terminateAfterMs?: number;
  /** After `close()`, how long before a client that ignored SIGTERM gets SIGKILL (2000). */
  readonly killAfterMs?: number;
  /** The tmux binary (`tmux`). */
  readonly tmuxPath?: string;
  /** Schedules every timeout above (`systemTimers`); a manual clock drives them in tests. */
  readonly timers?: TimerProvider;
}

/** {@link ControlModeConnectionOptions} with every default filled in. */
export type ResolvedControlModeOptions = Required<ControlModeConnectionOptions>;

// An SSH handshake takes several round trips: ~2 s at 150 ms one way.
const SSH_PROBE_TIMEOUT_MS = 8000;

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new TmuxInvalidOptionError(name, 'a positive number of milliseconds', value);
  return value;
}

/** Fills the defaults of `options`, rejecting a non-positive duration by name. */
export function resolveControlModeOptions(options: ControlModeConnectionOptions): ResolvedControlModeOptions {
  const commandTimeoutMs = positive('commandTimeoutMs', options.commandTimeoutMs ?? 5000);
  return {
    server: options.server,
    commandTimeoutMs,
    connectTimeoutMs: positive('connectTimeoutMs', options.connectTimeoutMs ?? 5000),
    probeTimeoutMs: positive('probeTimeoutMs', options.probeTimeoutMs ?? (options.server.ssh === undefined ? Math.min(2000, commandTimeoutMs) : SSH_PROBE_TIMEOUT_MS)),
    terminateAfterMs: positive('terminateAfterMs', options.terminateAfterMs ?? 500),
    killAfterMs: positive('killAfterMs', options.killAfterMs ?? 2000),
    tmuxPath: options.tmuxPath ?? 'tmux',
    timers: options.timers ?? systemTimers,
  };
}

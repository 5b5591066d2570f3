import { type MonotonicClock, systemMonotonicClock, systemTimers, type TimerProvider } from '@tmux-orc/clock';
import { TmuxInvalidOptionError } from './errors/invalid-option-error.js';
import { type Logger, silentLogger } from './logger.js';
import type { TmuxServer } from './server.js';

/** Options of `createTmuxConnectionPool`. */
export interface TmuxConnectionPoolOptions {
  readonly server: TmuxServer;
  /** Connections kept open (1). Control mode pipelines commands, so one connection goes a long way. */
  readonly minSize?: number;
  /** Most connections ever open at once (4). tmux's server is single-threaded: more only adds load. */
  readonly maxSize?: number;
  /** How long `run` waits for a connection with room before `TmuxAcquireTimeoutError`, in ms (5000). */
  readonly acquireTimeoutMs?: number;
  /** Default per-command timeout in ms (5000). */
  readonly commandTimeoutMs?: number;
  /** Connections older than this are retired once idle, in ms (30 min). */
  readonly maxAgeMs?: number;
  /** How often idle connections are pinged, in ms (30000; 0 turns pings off). */
  readonly healthCheckIntervalMs?: number;
  /** Commands pipelined on one connection before `run` waits (512). */
  readonly maxInFlightPerConnection?: number;
  /** In-flight commands on the least-loaded connection that make the pool open another (64). */
  readonly growAtInFlight?: number;
  /** `auto` (control mode, exec when it cannot start), `control` (never fall back) or `exec` ("sync"). */
  readonly transport?: 'auto' | 'control' | 'exec';
  /** The tmux binary (`tmux`). */
  readonly tmuxPath?: string;
  /** The tmux binary used for control-mode clients (defaults to `tmuxPath`). */
  readonly controlTmuxPath?: string;
  /** Where pool events are logged (nothing by default). */
  readonly logger?: Logger;
  /** Time source for connection ages and acquire deadlines (`systemMonotonicClock`). */
  readonly clock?: MonotonicClock;
  /** Schedules acquire timeouts, pings and the connections' timeouts (`systemTimers`). */
  readonly timers?: TimerProvider;
}

export type ResolvedPoolOptions = Required<Omit<TmuxConnectionPoolOptions, 'controlTmuxPath'>> & { controlTmuxPath: string };

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new TmuxInvalidOptionError(name, 'a positive integer', value);
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new TmuxInvalidOptionError(name, 'a non-negative number', value);
  return value;
}

/** Fills defaults and rejects invalid values and combinations, naming the option. */
export function resolvePoolOptions(options: TmuxConnectionPoolOptions): ResolvedPoolOptions {
  const minSize = positiveInteger('minSize', options.minSize ?? 1);
  const maxSize = positiveInteger('maxSize', options.maxSize ?? Math.max(4, minSize));
  if (minSize > maxSize) throw new TmuxInvalidOptionError('minSize', `at most maxSize (${maxSize})`, minSize);
  const transport = options.transport ?? 'auto';
  if (!['auto', 'control', 'exec'].includes(transport)) throw new TmuxInvalidOptionError('transport', '`auto`, `control` or `exec`', transport);
  const tmuxPath = options.tmuxPath ?? 'tmux';
  return {
    server: options.server,
    minSize,
    maxSize,
    acquireTimeoutMs: nonNegative('acquireTimeoutMs', options.acquireTimeoutMs ?? 5000),
    commandTimeoutMs: positiveInteger('commandTimeoutMs', options.commandTimeoutMs ?? 5000),
    maxAgeMs: positiveInteger('maxAgeMs', options.maxAgeMs ?? 30 * 60_000),
    healthCheckIntervalMs: nonNegative('healthCheckIntervalMs', options.healthCheckIntervalMs ?? 30_000),
    maxInFlightPerConnection: positiveInteger('maxInFlightPerConnection', options.maxInFlightPerConnection ?? 512),
    growAtInFlight: positiveInteger('growAtInFlight', options.growAtInFlight ?? 64),
    transport,
    tmuxPath,
    controlTmuxPath: options.controlTmuxPath ?? tmuxPath,
    logger: options.logger ?? silentLogger,
    clock: options.clock ?? systemMonotonicClock,
    timers: options.timers ?? systemTimers,
  };
}

import type { TimerHandle } from '@tmux-orc/clock';
import { ControlModeConnection } from './control-mode-connection.js';
import { TmuxAcquireTimeoutError } from './errors/tmux-acquire-timeout-error.js';
import { TmuxConnectionClosedError } from './errors/tmux-connection-closed-error.js';
import { TmuxNoSessionsError } from './errors/tmux-no-sessions-error.js';
import { TmuxPoolError } from './errors/tmux-pool-error.js';
import { ExecConnection } from './exec-connection.js';
import { type ResolvedPoolOptions, type TmuxConnectionPoolOptions, resolvePoolOptions } from './pool-options.js';
import type { PoolMetrics } from './pool-metrics.js';
import type { RunOptions, TmuxRunner } from './runner.js';
import { describeServer } from './server.js';
import { unrefTimer } from './unref-timer.js';

interface PooledConnection {
  readonly connection: ControlModeConnection;
  readonly createdAt: number;
  retiring: boolean;
}

// Commands that only read: safe to send again when the client carrying them detached mid-flight.
const READ_ONLY = new Set(['capture-pane', 'list-panes', 'list-windows', 'list-sessions', 'list-clients', 'display-message', 'show-options', 'has-session']);
// After "no sessions", control mode is tried again no sooner than this.
const NO_SESSIONS_RETRY_MS = 1000;

/** True for the failures that show control mode cannot work here (the pool then falls back to exec). */
function meansNoControlMode(error: unknown): error is TmuxPoolError {
  return error instanceof TmuxPoolError && (error.code === 'TMUX_CONTROL_MODE_UNAVAILABLE' || error.code === 'TMUX_ATTACH_TIMEOUT');
}

/**
 * A pool of tmux control-mode connections. `run` hands each command to the least-loaded connection,
 * opening another (up to `maxSize`) only when the least-loaded one already pipelines `growAtInFlight`
 * commands. Unhealthy, exited and too-old connections are replaced; when the server restarts the next
 * command reconnects. When control mode cannot start, the pool falls back to one process per command.
 */
export class TmuxConnectionPool implements TmuxRunner {
  private readonly options: ResolvedPoolOptions;
  private readonly connections: PooledConnection[] = [];
  private readonly exec: ExecConnection;
  private readonly waiters = new Set<() => void>();
  private readonly reservations = new Map<ControlModeConnection, number>();
  private connecting: Promise<ControlModeConnection> | undefined;
  private fallbackReason: string | null = null;
  private noSessionsUntil = 0;
  private closed = false;
  private pingTimer: TimerHandle | undefined;
  private readonly counters = { created: 0, reused: 0, recycled: 0, acquisitions: 0, acquisition_timeouts: 0, commands: 0, errors: 0 };

  constructor(options: TmuxConnectionPoolOptions) {
    this.options = resolvePoolOptions(options);
    this.exec = new ExecConnection(this.options.server, { commandTimeoutMs: this.options.commandTimeoutMs, tmuxPath: this.options.tmuxPath });
    if (this.options.transport === 'exec') this.fallbackReason = 'exec transport requested';
    if (this.options.healthCheckIntervalMs > 0) {
      this.pingTimer = this.options.timers.setInterval(() => void this.pingIdle(), this.options.healthCheckIntervalMs);
      unrefTimer(this.pingTimer);
    }
  }

  /** `control` while control mode works, `exec` after a fallback or when exec was asked for. */
  get transport(): 'control' | 'exec' {
    return this.fallbackReason === null ? 'control' : 'exec';
  }

  /** Opens `minSize` connections now instead of on first use. Resolves even when the server has no sessions. */
  async warmUp(): Promise<void> {
    while (!this.usesExec() && this.openCount() < this.options.minSize) {
      try {
        await this.openConnection();
      } catch (error) {
        if (error instanceof TmuxNoSessionsError) return;
        throw error;
      }
    }
  }

  async run(args: readonly string[], options?: RunOptions): Promise<string[]> {
    if (this.closed) throw new TmuxConnectionClosedError('the pool is closed');
    this.counters.commands += 1;
    try {
      return await this.runOnce(args, options);
    } catch (error) {
      if (error instanceof TmuxConnectionClosedError && !this.closed && READ_ONLY.has(args[0] ?? '')) {
        try {
          return await this.runOnce(args, options);
        } catch (retryError) {
          this.counters.errors += 1;
          throw retryError;
        }
      }
      this.counters.errors += 1;
      throw error;
    } finally {
      this.wakeWaiters();
    }
  }

  /** A snapshot of the pool's counters. */
  metrics(): PoolMetrics {
    this.prune();
    const inFlight = this.connections.reduce((sum, pooled) => sum + pooled.connection.inFlight, 0) + this.exec.inFlight;
    return { transport: this.transport, fallback_reason: this.fallbackReason, size: this.connections.length, in_flight: inFlight, ...this.counters };
  }

  /** Pids of the control clients open now (to check nothing leaks). */
  clientPids(): number[] {
    return this.connections.flatMap((pooled) => (pooled.connection.pid === undefined ? [] : [pooled.connection.pid]));
  }

  /** Closes every connection; later commands fail with `TmuxConnectionClosedError`. */
  async close(): Promise<void> {
    this.closed = true;
    this.options.timers.clearInterval(this.pingTimer);
    this.wakeWaiters();
    await Promise.all(this.connections.splice(0).map((pooled) => pooled.connection.close()));
  }

  private async runOnce(args: readonly string[], options?: RunOptions): Promise<string[]> {
    const connection = await this.acquire();
    // The reservation made in acquire() becomes a real in-flight command in the same tick.
    this.unreserve(connection);
    return connection.run(args, options);
  }

  /** Load of a connection: commands in flight plus acquisitions about to send one. */
  private load(connection: ControlModeConnection): number {
    return connection.inFlight + (this.reservations.get(connection) ?? 0);
  }

  private reserve(connection: ControlModeConnection): ControlModeConnection {
    this.reservations.set(connection, (this.reservations.get(connection) ?? 0) + 1);
    return connection;
  }

  private unreserve(connection: TmuxRunner): void {
    if (!(connection instanceof ControlModeConnection)) return;
    const count = (this.reservations.get(connection) ?? 1) - 1;
    if (count > 0) this.reservations.set(connection, count);
    else this.reservations.delete(connection);
  }

  private usesExec(): boolean {
    return this.fallbackReason !== null;
  }

  private async acquire(): Promise<TmuxRunner & { inFlight: number }> {
    this.counters.acquisitions += 1;
    const deadline = this.options.clock.now() + this.options.acquireTimeoutMs;
    for (;;) {
      if (this.closed) throw new TmuxConnectionClosedError('the pool is closed');
      if (this.usesExec()) return this.exec;
      if (this.connecting !== undefined) {
        // Concurrent callers share one connection attempt, then look again (the new connection may
        // already carry enough to justify another). A failed attempt fails them all the same way.
        try {
          await this.connecting;
        } catch (error) {
          if (error instanceof TmuxNoSessionsError || this.usesExec()) return this.exec;
          throw error;
        }
        continue;
      }
      this.prune();
      const best = this.leastLoaded();
      const canGrow = this.openCount() < this.options.maxSize;
      if (best !== undefined && (this.load(best) < this.options.growAtInFlight || !canGrow)) {
        this.counters.reused += 1;
        return this.reserve(best);
      }
      if (canGrow && this.options.clock.now() >= this.noSessionsUntil) {
        try {
          return this.reserve(await this.openConnection());
        } catch (error) {
          // Nothing to attach to: commands that need no session (list-panes -a) still work over exec.
          if (error instanceof TmuxNoSessionsError || this.usesExec()) return this.exec;
          throw error;
        }
      }
      if (best !== undefined) {
        this.counters.reused += 1;
        return this.reserve(best);
      }
      if (this.connections.length === 0) return this.exec;
      const remaining = deadline - this.options.clock.now();
      if (remaining <= 0 || !(await this.waitForRoom(remaining))) {
        this.counters.acquisition_timeouts += 1;
        throw new TmuxAcquireTimeoutError(this.options.acquireTimeoutMs, this.connections.length);
      }
    }
  }

  private leastLoaded(): ControlModeConnection | undefined {
    let best: ControlModeConnection | undefined;
    for (const pooled of this.connections) {
      const connection = pooled.connection;
      if (pooled.retiring || !connection.healthy || this.load(connection) >= this.options.maxInFlightPerConnection) continue;
      if (best === undefined || this.load(connection) < this.load(best)) best = connection;
    }
    return best;
  }

  private openCount(): number {
    return this.connections.filter((pooled) => !pooled.retiring).length;
  }

  private async openConnection(): Promise<ControlModeConnection> {
    // Failures are classified before anyone awaiting the attempt sees them.
    const attempt = ControlModeConnection.connect({
      server: this.options.server,
      commandTimeoutMs: this.options.commandTimeoutMs,
      tmuxPath: this.options.controlTmuxPath,
      timers: this.options.timers,
    }).catch((error: unknown) => {
      if (error instanceof TmuxNoSessionsError) this.noSessionsUntil = this.options.clock.now() + NO_SESSIONS_RETRY_MS;
      if (meansNoControlMode(error) && this.options.transport === 'auto') this.fallBack(error.message);
      throw error;
    });
    this.connecting = attempt;
    let connection: ControlModeConnection;
    try {
      connection = await attempt;
    } finally {
      this.connecting = undefined;
    }
    if (this.closed) {
      await connection.close();
      throw new TmuxConnectionClosedError('the pool is closed');
    }
    this.counters.created += 1;
    this.connections.push({ connection, createdAt: this.options.clock.now(), retiring: false });
    this.options.logger.debug('tmux control connection opened', { server: describeServer(this.options.server), pid: connection.pid });
    return connection;
  }

  /** Drops exited and unhealthy connections and retires old ones once they are idle. */
  private prune(): void {
    const now = this.options.clock.now();
    for (let i = this.connections.length - 1; i >= 0; i -= 1) {
      const pooled = this.connections[i];
      if (pooled === undefined) continue;
      if (now - pooled.createdAt >= this.options.maxAgeMs) pooled.retiring = true;
      const unhealthy = !pooled.connection.healthy;
      if (unhealthy || (pooled.retiring && this.load(pooled.connection) === 0)) {
        this.connections.splice(i, 1);
        this.counters.recycled += 1;
        this.options.logger.debug('tmux control connection recycled', { unhealthy, pid: pooled.connection.pid });
        void pooled.connection.close();
      }
    }
  }

  private async pingIdle(): Promise<void> {
    const idle = this.connections.filter((pooled) => this.load(pooled.connection) === 0 && !pooled.retiring);
    await Promise.all(idle.map((pooled) => pooled.connection.run(['display-message', '-p', 'ping'], { timeoutMs: this.options.commandTimeoutMs }).catch(() => {})));
    this.prune();
  }

  private fallBack(reason: string): void {
    if (this.fallbackReason !== null) return;
    this.fallbackReason = reason;
    this.options.logger.warn('tmux control mode unavailable; falling back to one tmux process per command', { reason });
  }

  private waitForRoom(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = (): void => {
        this.options.timers.clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(true);
      };
      const timer = this.options.timers.setTimeout(() => {
        this.waiters.delete(wake);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(wake);
    });
  }

  private wakeWaiters(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

/** Creates a pool; see `TmuxConnectionPoolOptions` for the defaults. */
export function createTmuxConnectionPool(options: TmuxConnectionPoolOptions): TmuxConnectionPool {
  return new TmuxConnectionPool(options);
}

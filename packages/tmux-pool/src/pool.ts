import { type PoolView, chooseConnection } from './choose-connection.js';
import { ControlConnector } from './control-connector.js';
import { ControlModeConnection } from './control-mode-connection.js';
import { TmuxAcquireTimeoutError } from './errors/tmux-acquire-timeout-error.js';
import { TmuxConnectionClosedError } from './errors/tmux-connection-closed-error.js';
import { TmuxNoSessionsError } from './errors/tmux-no-sessions-error.js';
import { ExecConnection } from './exec-connection.js';
import { startIdlePings } from './idle-pings.js';
import { type ResolvedPoolOptions, type TmuxConnectionPoolOptions, resolvePoolOptions } from './pool-options.js';
import type { ExecReason, PoolMetrics } from './pool-metrics.js';
import { PooledConnections } from './pooled-connections.js';
import { RoomWaiters } from './room-waiters.js';
import type { RunOptions, TmuxConnection, TmuxRunner } from './runner.js';
import { describeServer } from './server.js';
import { holdSshMaster } from './ssh-masters.js';

// Commands that only read: safe to send again when the client carrying them detached mid-flight.
const READ_ONLY = new Set(['capture-pane', 'list-panes', 'list-windows', 'list-sessions', 'list-clients', 'display-message', 'show-options', 'has-session']);

/**
 * A pool of tmux control-mode connections. `run` hands each command to the least-loaded connection,
 * opening another (up to `maxSize`) only when the least-loaded one already pipelines `growAtInFlight`
 * commands. Unhealthy, exited and too-old connections are replaced; when the server restarts the next
 * command reconnects. When control mode cannot start, the pool falls back to one process per command.
 * Supports `await using`: leaving the scope closes the pool.
 */
export class TmuxConnectionPool implements TmuxRunner, AsyncDisposable {
  private readonly options: ResolvedPoolOptions;
  private readonly pooled: PooledConnections;
  private readonly exec: ExecConnection;
  private readonly waiters: RoomWaiters;
  private readonly connector: ControlConnector;
  private readonly view: PoolView;
  private closed = false;
  private readonly stopPings: () => void;
  private readonly releaseMaster: () => Promise<void>;
  private readonly counters = { created: 0, reused: 0, recycled: 0, acquisitions: 0, acquisition_timeouts: 0, commands: 0, errors: 0 };
  private readonly execAcquisitions: Record<ExecReason, number> = { requested: 0, fallback: 0, no_sessions: 0 };

  constructor(options: TmuxConnectionPoolOptions) {
    this.options = resolvePoolOptions(options);
    this.pooled = new PooledConnections(this.options.maxInFlightPerConnection);
    this.waiters = new RoomWaiters(this.options.clock, this.options.timers);
    this.connector = new ControlConnector(this.options);
    const { maxSize, growAtInFlight, transport } = this.options;
    this.view = { pooled: this.pooled, connector: this.connector, maxSize, growAtInFlight, execRequested: transport === 'exec', open: () => this.openConnection({ reserve: true }) };
    this.exec = new ExecConnection(this.options.server, { commandTimeoutMs: this.options.commandTimeoutMs, tmuxPath: this.options.tmuxPath });
    const { healthCheckIntervalMs: intervalMs, commandTimeoutMs: timeoutMs, timers } = this.options;
    this.stopPings = startIdlePings(this.pooled, { intervalMs, timeoutMs, timers }, () => this.prune());
    const { ssh } = this.options.server;
    this.releaseMaster = ssh === undefined ? async () => {} : holdSshMaster(ssh);
  }

  /** `control` while control mode works, `exec` after a fallback or when exec was asked for. */
  get transport(): 'control' | 'exec' {
    return this.connector.fallbackReason === null ? 'control' : 'exec';
  }

  /** Opens `minSize` connections now instead of on first use. Resolves even when the server has no sessions. */
  async warmUp(): Promise<void> {
    while (this.connector.fallbackReason === null && this.pooled.openCount < this.options.minSize) {
      try {
        await this.openConnection({ reserve: false });
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
      return await this.runOnce(args, options).catch((error: unknown) => {
        // A client that detached mid-flight loses nothing a second read cannot get back.
        if (error instanceof TmuxConnectionClosedError && !this.closed && READ_ONLY.has(args[0] ?? '')) return this.runOnce(args, options);
        throw error;
      });
    } catch (error) {
      this.counters.errors += 1;
      throw error;
    } finally {
      this.waiters.wakeAll();
    }
  }

  /**
   * Runs `commands` in this order on one connection: over control mode tmux answers them in that
   * order, so a command sees every change made before the one before it ran. Over exec they run at
   * once, unordered. One promise per command.
   */
  runInOrder(commands: readonly (readonly string[])[], options?: RunOptions): Promise<string[]>[] {
    if (this.closed) return commands.map(() => Promise.reject(new TmuxConnectionClosedError('the pool is closed')));
    this.counters.commands += commands.length;
    const connection = this.acquire().then((chosen) => {
      if (chosen instanceof ControlModeConnection) this.pooled.unreserve(chosen);
      return chosen;
    });
    // Each reply waits on the same acquisition, so the writes happen in one tick, in order.
    const replies = commands.map((args) => connection.then((chosen) => chosen.run(args, options)));
    for (const reply of replies) reply.catch(() => (this.counters.errors += 1)).finally(() => this.waiters.wakeAll());
    return replies;
  }

  /** A snapshot of the pool's counters. Reading it changes nothing. */
  metrics(): PoolMetrics {
    return {
      transport: this.transport,
      fallback_reason: this.connector.fallbackReason,
      size: this.pooled.size,
      in_flight: this.pooled.inFlight + this.exec.inFlight,
      ...this.counters,
      exec_acquisitions: { ...this.execAcquisitions },
    };
  }

  /** Pids of the control clients open now (to check nothing leaks). */
  clientPids(): number[] {
    return this.pooled.all().flatMap((connection) => (connection.pid === undefined ? [] : [connection.pid]));
  }

  /**
   * Closes every connection (and, for a server on another host, the host's master connection once
   * no other pool of this process uses it); later commands fail with `TmuxConnectionClosedError`.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.stopPings();
    this.waiters.wakeAll();
    await Promise.all(this.pooled.removeAll().map((connection) => connection.close()));
    await this.releaseMaster();
  }

  /** `await using pool = createTmuxConnectionPool(…)` closes the pool when the scope ends. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private async runOnce(args: readonly string[], options?: RunOptions): Promise<string[]> {
    const connection = await this.acquire();
    if (connection instanceof ControlModeConnection) this.pooled.unreserve(connection);
    return connection.run(args, options);
  }

  /** A connection for one command: looks at the pool until it decides, waiting for room at most `acquireTimeoutMs`. */
  private async acquire(): Promise<TmuxConnection> {
    this.counters.acquisitions += 1;
    const deadline = this.options.clock.now() + this.options.acquireTimeoutMs;
    for (;;) {
      if (this.closed) throw new TmuxConnectionClosedError('the pool is closed');
      if (this.connector.attempt === undefined) this.prune();
      const choice = await chooseConnection(this.view);
      if (choice.kind === 'control') {
        if (!choice.opened) this.counters.reused += 1;
        return choice.connection;
      }
      if (choice.kind === 'exec') {
        this.execAcquisitions[choice.reason] += 1;
        return this.exec;
      }
      if (choice.kind === 'full' && !(await this.waiters.waitUntil(deadline))) {
        this.counters.acquisition_timeouts += 1;
        throw new TmuxAcquireTimeoutError(this.options.acquireTimeoutMs, this.pooled.size);
      }
    }
  }

  /** Opens a connection into the pool; `reserve` holds it for the caller from the tick it joins. */
  private async openConnection(options: { reserve: boolean }): Promise<ControlModeConnection> {
    const connection = await this.connector.open();
    if (this.closed) {
      await connection.close();
      throw new TmuxConnectionClosedError('the pool is closed');
    }
    this.counters.created += 1;
    this.pooled.add(connection, this.options.clock.now());
    if (options.reserve) this.pooled.reserve(connection);
    // A client that ends on its own (killed, its server gone) leaves the pool at once.
    void connection.exited.then(() => this.prune());
    this.options.logger.debug('tmux control connection opened', { server: describeServer(this.options.server), pid: connection.pid });
    return connection;
  }

  /** Closes and counts the connections that exited, turned unhealthy, or retired. */
  private prune(): void {
    for (const { connection, unhealthy } of this.pooled.removeRetired(this.options.clock.now(), this.options.maxAgeMs)) {
      this.counters.recycled += 1;
      this.options.logger.debug('tmux control connection recycled', { unhealthy, pid: connection.pid });
      void connection.close();
    }
  }
}

/** Creates a pool; see `TmuxConnectionPoolOptions` for the defaults. */
export function createTmuxConnectionPool(options: TmuxConnectionPoolOptions): TmuxConnectionPool {
  return new TmuxConnectionPool(options);
}

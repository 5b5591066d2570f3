import type { ControlModeConnection } from './control-mode-connection.js';

interface PooledConnection {
  readonly connection: ControlModeConnection;
  readonly createdAt: number;
  retiring: boolean;
}

/** Why a connection left the pool. */
export interface Retired {
  readonly connection: ControlModeConnection;
  readonly unhealthy: boolean;
}

/**
 * The pool's open control connections and their load: commands in flight plus acquisitions about
 * to send one (a reservation becomes a real in-flight command in the same tick).
 */
export class PooledConnections {
  private readonly pooled: PooledConnection[] = [];
  private readonly reservations = new Map<ControlModeConnection, number>();

  constructor(private readonly maxInFlightPerConnection: number) {}

  /** Every connection still in the pool, retiring ones included. */
  get size(): number {
    return this.pooled.length;
  }

  /** Connections not retiring: the ones new commands may go to. */
  get openCount(): number {
    return this.pooled.filter((entry) => !entry.retiring).length;
  }

  /** Commands in flight over every connection. */
  get inFlight(): number {
    return this.pooled.reduce((sum, entry) => sum + entry.connection.inFlight, 0);
  }

  all(): ControlModeConnection[] {
    return this.pooled.map((entry) => entry.connection);
  }

  add(connection: ControlModeConnection, createdAt: number): void {
    this.pooled.push({ connection, createdAt, retiring: false });
  }

  load(connection: ControlModeConnection): number {
    return connection.inFlight + (this.reservations.get(connection) ?? 0);
  }

  reserve(connection: ControlModeConnection): ControlModeConnection {
    this.reservations.set(connection, (this.reservations.get(connection) ?? 0) + 1);
    return connection;
  }

  unreserve(connection: ControlModeConnection): void {
    const count = (this.reservations.get(connection) ?? 1) - 1;
    if (count > 0) this.reservations.set(connection, count);
    else this.reservations.delete(connection);
  }

  /** The healthy, not retiring connection with the least load and room for one more command. */
  leastLoaded(): ControlModeConnection | undefined {
    let best: ControlModeConnection | undefined;
    for (const { connection, retiring } of this.pooled) {
      if (retiring || !connection.healthy || this.load(connection) >= this.maxInFlightPerConnection) continue;
      if (best === undefined || this.load(connection) < this.load(best)) best = connection;
    }
    return best;
  }

  /** Idle connections that are not retiring (the ones to ping). */
  idle(): ControlModeConnection[] {
    return this.pooled.filter((entry) => !entry.retiring && this.load(entry.connection) === 0).map((entry) => entry.connection);
  }

  /**
   * Takes out the connections that exited or turned unhealthy, and those older than `maxAgeMs` once
   * they are idle (until then they only stop taking new commands). The caller closes what it gets.
   */
  removeRetired(now: number, maxAgeMs: number): Retired[] {
    const retired: Retired[] = [];
    for (let i = this.pooled.length - 1; i >= 0; i -= 1) {
      const entry = this.pooled[i];
      if (entry === undefined) continue;
      if (now - entry.createdAt >= maxAgeMs) entry.retiring = true;
      const unhealthy = !entry.connection.healthy;
      if (unhealthy || (entry.retiring && this.load(entry.connection) === 0)) {
        this.pooled.splice(i, 1);
        retired.push({ connection: entry.connection, unhealthy });
      }
    }
    return retired;
  }

  /** Takes out every connection (to close them all). */
  removeAll(): ControlModeConnection[] {
    return this.pooled.splice(0).map((entry) => entry.connection);
  }
}

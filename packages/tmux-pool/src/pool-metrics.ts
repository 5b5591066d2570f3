/** Counters of a connection pool, in the snake_case names the monitor's status reports. */
export interface PoolMetrics {
  /** `control` or `exec`: the transport the pool uses now. */
  transport: 'control' | 'exec';
  /** Why the pool runs on exec, when it fell back. */
  fallback_reason: string | null;
  /** Connections open now. */
  size: number;
  /** Connections opened since the pool started. */
  created: number;
  /** Acquisitions served by an already open connection. */
  reused: number;
  /** Connections retired because they were too old, unhealthy, or their client exited. */
  recycled: number;
  /** Commands sent and not yet answered. */
  in_flight: number;
  acquisitions: number;
  acquisition_timeouts: number;
  commands: number;
  /** Commands that failed (tmux errors, timeouts, a gone server). */
  errors: number;
}

/**
 * Why an acquisition got the exec transport (one process per command) instead of a control
 * connection: `requested` (the pool was made with `transport: 'exec'`), `fallback` (control mode
 * cannot start here), `no_sessions` (the server has no session a control client could attach to).
 */
export const execReasons = ['requested', 'fallback', 'no_sessions'] as const;

/** One of {@link execReasons}. */
export type ExecReason = (typeof execReasons)[number];

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
  /** Acquisitions that got the exec transport, by reason. */
  exec_acquisitions: Record<ExecReason, number>;
  commands: number;
  /** Commands that failed (tmux errors, timeouts, a gone server). */
  errors: number;
}

function addByReason(a: Record<ExecReason, number>, b: Record<ExecReason, number>): Record<ExecReason, number> {
  return { requested: a.requested + b.requested, fallback: a.fallback + b.fallback, no_sessions: a.no_sessions + b.no_sessions };
}

/** The counters of several pools (one per tmux server) added up; `exec` when any runs on exec. */
export function sumPoolMetrics(all: readonly PoolMetrics[]): PoolMetrics | null {
  const [first, ...rest] = all;
  if (first === undefined) return null;
  return rest.reduce<PoolMetrics>(
    (sum, m) => ({
      transport: sum.transport === 'exec' || m.transport === 'exec' ? 'exec' : 'control',
      fallback_reason: sum.fallback_reason ?? m.fallback_reason,
      size: sum.size + m.size,
      created: sum.created + m.created,
      reused: sum.reused + m.reused,
      recycled: sum.recycled + m.recycled,
      in_flight: sum.in_flight + m.in_flight,
      acquisitions: sum.acquisitions + m.acquisitions,
      acquisition_timeouts: sum.acquisition_timeouts + m.acquisition_timeouts,
      exec_acquisitions: addByReason(sum.exec_acquisitions, m.exec_acquisitions),
      commands: sum.commands + m.commands,
      errors: sum.errors + m.errors,
    }),
    { ...first, exec_acquisitions: { ...first.exec_acquisitions } },
  );
}

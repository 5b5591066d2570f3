// The JSON the dashboard server sends (see ../dashboard/dashboard-server.ts). Kept here, apart
// from the Node side's types, so the page compiles for the browser alone.

/** One agent, as `tmux-orc status --json` prints it. */
export interface AgentJson {
  readonly id: string;
  readonly target: string;
  readonly session: string;
  readonly window: string;
  readonly name: string;
  readonly role: string;
  readonly detector: string;
  readonly state: string;
  readonly since: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly evidence: string;
  /** The SSH host, once hosts exist; absent for local servers. */
  readonly host?: string;
  readonly hook?: Readonly<Record<string, unknown>>;
}

/** Pool counters (`status --detailed`). */
export interface PoolJson {
  readonly transport: string;
  readonly size: number;
  readonly in_flight: number;
  readonly commands: number;
  readonly errors: number;
}

/** `status --detailed --json`, the parts the page reads. */
export interface StatusJson {
  readonly agents: readonly AgentJson[];
  readonly summary: Readonly<Record<string, number>>;
  readonly cycle: { readonly ms: number | null; readonly strategy: string | null; readonly transport: string | null };
  readonly source: string;
  readonly detailed?: {
    readonly connection_pool: PoolJson | null;
    readonly cycles: { readonly recent_ms: readonly number[]; readonly p95_ms: number | null };
    readonly cache_performance: Readonly<Record<string, { readonly hit_rate: number }>>;
  };
}

/** One stretch of a timeline: state and start (ms since the epoch). */
export type Segment = readonly [state: string, fromMs: number];

/** Pool and cache counters at one moment (cumulative). */
export interface MetricSample {
  readonly at: number;
  readonly cycleMs: number | null;
  readonly poolSize: number | null;
  readonly poolCommands: number | null;
  readonly cacheHits: number | null;
  readonly cacheMisses: number | null;
}

/** Whether the dashboard reaches its source (the daemon). */
export interface Upstream {
  readonly up: boolean;
  readonly error: string | null;
}

/** `GET /api/snapshot`. */
export interface Snapshot {
  readonly status: StatusJson | null;
  readonly history: { readonly now: number; readonly windowMs: number; readonly startedAt: number | null; readonly timelines: Readonly<Record<string, readonly Segment[]>>; readonly samples: readonly MetricSample[] };
  readonly upstream: Upstream;
  readonly source: string;
}

/** An `event: transition` of `/api/events` (the daemon's transition JSON, the parts the page reads). */
export interface TransitionJson {
  readonly agentId: string;
  readonly to: string;
  readonly at: number;
  readonly detector: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly evidence: readonly string[];
}

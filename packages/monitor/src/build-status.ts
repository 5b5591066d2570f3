import type { ChannelStats } from './notifications/channel-stats.js';
import type { LayerStats } from '@tmux-orc/layered-cache';
import { type PoolMetrics, sumPoolMetrics } from '@tmux-orc/tmux-pool';
import type { HookQueueStats } from './actions/hook-queue.js';
import type { HeldReport } from './actions/pm-reports.js';
import type { AgentRecord } from './agent-state-tracker.js';
import type { AgentStatus, CycleFailureStatus, MonitorStatus, ServerStatus } from './monitor-status.js';

/** What the monitor knows at a moment, to turn into a {@link MonitorStatus}. */
export interface StatusFacts {
  readonly records: readonly AgentRecord[];
  readonly servers: readonly {
    readonly label: string;
    /** Prefix of the server's agent ids; `''` for the only local server. */
    readonly prefix: string;
    readonly host: string | null;
    readonly up: boolean;
    readonly error: string | null;
    readonly failures: number;
    readonly metrics: PoolMetrics;
    readonly cache: LayerStats;
  }[];
  readonly running: boolean;
  readonly cycleCount: number;
  readonly lastCycleTime: number | null;
  readonly lastCycleAt: number | null;
  readonly errorsDetected: number;
  readonly skippedCycles: number;
  readonly strategy: string | null;
  readonly fallback: string | null;
  readonly heldReports: readonly HeldReport[];
  readonly hooks: HookQueueStats;
  readonly notifications: readonly ChannelStats[];
  readonly cycleFailures: CycleFailureStatus;
}

// One collator each, made once: `localeCompare` with options builds a collator per call, which
// made sorting the agents a good part of an idle daemon's CPU (the status is built every cycle).
const byText = new Intl.Collator();
const byNumberedText = new Intl.Collator(undefined, { numeric: true });

/** Pool counters summed over servers; `exec` when any server runs on exec. */
export const sumMetrics: (all: readonly PoolMetrics[]) => PoolMetrics | null = sumPoolMetrics;

/** Cache counters summed over servers, with the hit rate of the sum. */
export function sumLayerStats(all: readonly LayerStats[]): LayerStats {
  const total = all.reduce(
    (sum, s) => ({
      hits: sum.hits + s.hits,
      misses: sum.misses + s.misses,
      size: sum.size + s.size,
      total_size: sum.total_size + s.total_size,
      evictions: sum.evictions + s.evictions,
      deduplicated: sum.deduplicated + s.deduplicated,
    }),
    { hits: 0, misses: 0, size: 0, total_size: 0, evictions: 0, deduplicated: 0 },
  );
  const reads = total.hits + total.misses;
  return { ...total, hit_rate: reads === 0 ? 0 : total.hits / reads };
}

/** One agent as the status snapshot shows it, on `host` (null: this machine). */
export function agentStatus({ agentId, pane, result }: AgentRecord, host: string | null = null): AgentStatus {
  return {
    id: agentId,
    host,
    target: pane.target,
    session: pane.session,
    window: pane.windowName,
    name: pane.name,
    role: pane.role,
    detector: result.detector,
    ...(result.rule === undefined ? {} : { rule: result.rule }),
    state: result.state,
    since: new Date(result.since).toISOString(),
    detail: result.detail,
    evidence: result.evidence,
  };
}

/** The status snapshot: agents sorted by session and target, counts, pool and cache metrics. */
export function buildStatus(facts: StatusFacts): MonitorStatus {
  const remote = facts.servers.filter((s) => s.host !== null && s.prefix !== '');
  const hostOf = (agentId: string): string | null => remote.find((s) => agentId.startsWith(s.prefix))?.host ?? null;
  const agents: AgentStatus[] = facts.records
    .map((record) => agentStatus(record, hostOf(record.agentId)))
    .sort((a, b) => byText.compare(a.session, b.session) || byNumberedText.compare(a.target, b.target));
  const agentsOnly = agents.filter((a) => a.role === 'agent');
  const servers: ServerStatus[] = facts.servers.map((s) => ({
    server: s.label,
    host: s.host,
    up: s.up,
    error: s.error,
    consecutive_failures: s.failures,
    transport: s.metrics.transport,
    fallback_reason: s.metrics.fallback_reason,
  }));
  return {
    base_status: {
      is_running: facts.running,
      active_agents: agentsOnly.filter((a) => a.state === 'active').length,
      idle_agents: agentsOnly.filter((a) => a.state === 'idle').length,
      cycle_count: facts.cycleCount,
      last_cycle_time: facts.lastCycleTime,
      errors_detected: facts.errorsDetected,
    },
    current_strategy: facts.strategy,
    fallback: facts.fallback,
    hooks: facts.hooks,
    notifications: facts.notifications,
    held_reports: facts.heldReports.map((r) => ({ session: r.session, pm: r.pmPaneId, reason: r.reason, text: r.text, since: new Date(r.since).toISOString() })),
    connection_pool: sumMetrics(facts.servers.map((s) => s.metrics)),
    cache_performance: facts.servers.length === 0 ? {} : { pane_content: sumLayerStats(facts.servers.map((s) => s.cache)) },
    skipped_cycles: facts.skippedCycles,
    last_cycle_at: facts.lastCycleAt === null ? null : new Date(facts.lastCycleAt).toISOString(),
    cycle_failures: facts.cycleFailures,
    servers,
    agents,
  };
}

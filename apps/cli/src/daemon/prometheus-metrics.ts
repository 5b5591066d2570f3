import { agentStates } from '@tmux-orc/health-checker';
import type { MonitorStatus } from '@tmux-orc/monitor';
import type { CycleStats } from '../shared/cycle-stats.js';

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** What the API server itself counts, next to the monitor's status. */
export interface ApiCounters {
  /** `GET /events` clients connected now. */
  readonly eventClients: number;
  /** `GET /events` clients dropped because they left too much unread. */
  readonly eventClientsDropped: number;
}

/** Renders the monitor's metrics in the Prometheus text exposition format (version 0.0.4). */
export function renderPrometheusMetrics(status: MonitorStatus, cycles: CycleStats, api: ApiCounters = { eventClients: 0, eventClientsDropped: 0 }): string {
  const lines: string[] = [];
  const metric = (name: string, type: 'gauge' | 'counter', help: string, samples: readonly (readonly [Record<string, string>, number])[]): void => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) {
      const text = Object.entries(labels).map(([key, label]) => `${key}="${escapeLabel(label)}"`).join(',');
      lines.push(`${name}${text === '' ? '' : `{${text}}`} ${Number.isFinite(value) ? value : 0}`);
    }
  };
  const base = status.base_status;
  metric('tmux_orc_up', 'gauge', 'Whether the monitor loop is running.', [[{}, base.is_running ? 1 : 0]]);
  metric('tmux_orc_cycles_total', 'counter', 'Monitoring cycles completed.', [[{}, base.cycle_count]]);
  metric('tmux_orc_cycle_duration_seconds', 'gauge', 'Duration of the last cycle.', [[{}, (base.last_cycle_time ?? 0) / 1000]]);
  metric('tmux_orc_cycle_duration_p95_seconds', 'gauge', 'p95 duration of the recent cycles.', [[{}, (cycles.p95_ms ?? 0) / 1000]]);
  metric('tmux_orc_skipped_cycles_total', 'counter', 'Ticks skipped because the previous cycle was still running.', [[{}, status.skipped_cycles]]);
  metric('tmux_orc_errors_total', 'counter', 'Failed server cycles and failed actions.', [[{}, base.errors_detected]]);
  const counts = new Map<string, number>(agentStates.map((state) => [state, 0]));
  for (const agent of status.agents) counts.set(agent.state, (counts.get(agent.state) ?? 0) + 1);
  metric('tmux_orc_agents', 'gauge', 'Monitored panes by state.', [...counts].map(([state, n]) => [{ state }, n] as const));
  metric('tmux_orc_server_up', 'gauge', 'Whether each watched tmux server answers.', status.servers.map((s) => [{ server: s.server, host: s.host ?? '', transport: s.transport }, s.up ? 1 : 0] as const));
  metric('tmux_orc_hooks_running', 'gauge', 'Transition hook commands running now.', [[{}, status.hooks.running]]);
  metric('tmux_orc_hooks_queued', 'gauge', 'Transition hook commands waiting for a slot.', [[{}, status.hooks.queued]]);
  metric('tmux_orc_hooks_dropped_total', 'counter', 'Transition hook commands never run (queue full or monitor stopped).', [[{}, status.hooks.dropped]]);
  const channels = status.notifications;
  metric('tmux_orc_notifications_total', 'counter', 'Notification messages per channel: sent, or dropped (retries spent, failed, nowhere to show, queue full, stopped).', channels.flatMap((c) => [[{ channel: c.channel, type: c.type, outcome: 'sent' }, c.sent] as const, [{ channel: c.channel, type: c.type, outcome: 'dropped' }, c.dropped] as const]));
  metric('tmux_orc_notifications_suppressed_total', 'counter', 'Agent notifications kept back by a channel policy, by reason.', channels.flatMap((c) => (['cooldown', 'budget', 'quiet'] as const).map((reason) => [{ channel: c.channel, reason }, c.suppressed[reason]] as const)));
  metric('tmux_orc_notification_retries_total', 'counter', 'Webhook attempts after the first.', channels.map((c) => [{ channel: c.channel }, c.retries] as const));
  metric('tmux_orc_notification_fallbacks_total', 'counter', 'Desktop notifications shown with tmux display-message because notify-send was missing or failed.', channels.map((c) => [{ channel: c.channel }, c.fallbacks] as const));
  metric('tmux_orc_notifications_pending', 'gauge', 'Agent notifications waiting for their roll-up window.', channels.map((c) => [{ channel: c.channel }, c.pending] as const));
  metric('tmux_orc_reports_held', 'gauge', 'PM reports held back because the PM pane was not safe to type into.', [[{}, status.held_reports.length]]);
  metric('tmux_orc_events_clients', 'gauge', 'Clients connected to GET /events.', [[{}, api.eventClients]]);
  metric('tmux_orc_events_clients_dropped_total', 'counter', 'GET /events clients dropped because they did not read.', [[{}, api.eventClientsDropped]]);
  const pool = status.connection_pool;
  if (pool !== null) {
    metric('tmux_orc_pool_connections', 'gauge', 'Open tmux connections.', [[{ transport: pool.transport }, pool.size]]);
    metric('tmux_orc_pool_in_flight', 'gauge', 'Commands in flight.', [[{}, pool.in_flight]]);
    metric('tmux_orc_pool_connections_created_total', 'counter', 'Connections created.', [[{}, pool.created]]);
    metric('tmux_orc_pool_connections_recycled_total', 'counter', 'Connections recycled.', [[{}, pool.recycled]]);
    metric('tmux_orc_pool_acquisitions_total', 'counter', 'Connection acquisitions.', [[{}, pool.acquisitions]]);
    metric('tmux_orc_pool_acquisition_timeouts_total', 'counter', 'Acquisitions that timed out.', [[{}, pool.acquisition_timeouts]]);
    metric('tmux_orc_pool_commands_total', 'counter', 'tmux commands run.', [[{}, pool.commands]]);
    metric('tmux_orc_pool_errors_total', 'counter', 'tmux commands that failed.', [[{}, pool.errors]]);
  }
  const layers = Object.entries(status.cache_performance);
  metric('tmux_orc_cache_hits_total', 'counter', 'Cache hits per layer.', layers.map(([layer, s]) => [{ layer }, s.hits] as const));
  metric('tmux_orc_cache_misses_total', 'counter', 'Cache misses per layer.', layers.map(([layer, s]) => [{ layer }, s.misses] as const));
  metric('tmux_orc_cache_entries', 'gauge', 'Entries per cache layer.', layers.map(([layer, s]) => [{ layer }, s.size] as const));
  metric('tmux_orc_cache_hit_ratio', 'gauge', 'Hit ratio per cache layer.', layers.map(([layer, s]) => [{ layer }, s.hit_rate] as const));
  return `${lines.join('\n')}\n`;
}
